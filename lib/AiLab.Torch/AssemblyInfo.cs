// Operator calls stackalloc their argument arrays; zeroing them first is wasted work on a hot path.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
