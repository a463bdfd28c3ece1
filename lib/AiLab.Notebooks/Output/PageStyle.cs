namespace AiLab.Notebooks.Output;

/// <summary>The stylesheet shared by the notebook pages and the index (inlined: each page is one self-contained file).</summary>
internal static class PageStyle
{
    /// <summary>The CSS.</summary>
    public const string Css = """
        :root { --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --code-bg: #f6f8fa; --pass: #1a7f37; --fail: #cf222e; --warn: #9a6700; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1100px; padding: 1.5rem; color: var(--fg); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; }
        a { color: #0969da; }
        header { border-bottom: 1px solid var(--border); margin-bottom: 1.5rem; padding-bottom: .75rem; }
        h1 { margin: .25rem 0; font-size: 1.6rem; }
        .status { display: inline-block; padding: 0 .5rem; border-radius: 1rem; color: #fff; font-size: .85rem; font-weight: 600; }
        .status.passed { background: var(--pass); } .status.failed { background: var(--fail); } .status.timeout { background: var(--warn); }
        .summary { color: var(--muted); }
        .failure { border: 1px solid var(--fail); border-radius: 6px; padding: .5rem 1rem; margin-top: .75rem; }
        .failure pre { margin: .25rem 0; }
        .cell { margin: 1rem 0; }
        .cell.markdown { padding: 0 .25rem; }
        .source { position: relative; border: 1px solid var(--border); border-radius: 6px; background: var(--code-bg); }
        .source pre { margin: 0; padding: .75rem 1rem; overflow-x: auto; }
        .source .meta { position: absolute; top: .25rem; right: .5rem; color: var(--muted); font-size: .75rem; }
        pre, code { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
        .outputs { padding: .5rem 0 0 1rem; border-left: 3px solid var(--border); margin: .25rem 0 0 .5rem; overflow-x: auto; }
        .outputs pre { margin: .25rem 0; white-space: pre-wrap; }
        .outputs pre.stderr { color: var(--warn); }
        .outputs pre.error { color: var(--fail); }
        .outputs img { max-width: 100%; }
        .not-run { color: var(--muted); font-size: .8rem; }
        .kw { color: #cf222e; } .str { color: #0a3069; } .num { color: #0550ae; } .com { color: #59636e; font-style: italic; } .dir { color: #8250df; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border-bottom: 1px solid var(--border); padding: .4rem .5rem; text-align: left; vertical-align: top; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        .charts { display: flex; flex-wrap: wrap; gap: .5rem; }
        .charts img { height: 72px; border: 1px solid var(--border); border-radius: 4px; }
        .error-text { color: var(--fail); font-size: .85rem; white-space: pre-wrap; }
        """;
}
