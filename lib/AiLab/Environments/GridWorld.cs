using System.Text;

namespace AiLab.Environments;

/// <summary>
/// A deterministic grid world for tabular reinforcement learning, drawn as text: <c>'.'</c> a free cell, <c>'#'</c> a
/// wall, <c>'S'</c> the start, <c>'G'</c> the goal (one of each). The agent moves up (0), right (1), down (2) or
/// left (3); a move into a wall or off the grid leaves it in place. Every step earns <see cref="StepReward"/> and the
/// step onto the goal earns <see cref="GoalReward"/> on top and terminates the episode; an episode is truncated after
/// <see cref="MaxSteps"/> steps.
/// <para>States are cell indices row · Columns + column (walls included, so a Q-table is a Rows × Columns grid per
/// action; walls are never visited). <see cref="ShortestPathLength()"/> (breadth-first search) is the number of steps of
/// an optimal policy — with a negative step reward and no discounting tricks, any learned greedy policy should match it.</para>
/// </summary>
public sealed class GridWorld : IEnvironment<int>
{
    /// <summary>Action names by index: up, right, down, left.</summary>
    public static readonly IReadOnlyList<string> ActionNames = ["up", "right", "down", "left"];

    private static readonly (int Row, int Column)[] Moves = [(-1, 0), (0, 1), (1, 0), (0, -1)];

    private readonly bool[] walls;
    private readonly int[] distanceToGoal;
    private int state;
    private bool started, terminated, truncated;

    /// <summary>Creates a grid world from its map, one string per row, all the same length.</summary>
    /// <param name="map">Rows of '.', '#', 'S' and 'G'; exactly one 'S' and one 'G', the goal reachable from the start.</param>
    /// <param name="stepReward">Reward of every step (default −1: the return is minus the number of steps).</param>
    /// <param name="goalReward">Extra reward for the step that reaches the goal (default 0).</param>
    /// <param name="maxSteps">Steps after which an episode is truncated; default 4 × the number of cells.</param>
    public GridWorld(IReadOnlyList<string> map, double stepReward = -1, double goalReward = 0, int? maxSteps = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (map.Count == 0 || map[0] is null || map[0].Length == 0)
            throw new ArgumentException("The map needs at least one non-empty row.", nameof(map));
        if (!double.IsFinite(stepReward))
            throw new ArgumentOutOfRangeException(nameof(stepReward), stepReward, "must be finite.");
        if (!double.IsFinite(goalReward))
            throw new ArgumentOutOfRangeException(nameof(goalReward), goalReward, "must be finite.");
        Rows = map.Count;
        Columns = map[0].Length;
        walls = new bool[Rows * Columns];
        int start = -1, goal = -1;
        for (int r = 0; r < Rows; r++)
        {
            if (map[r] is null || map[r].Length != Columns)
                throw new ArgumentException($"row {r} has {map[r]?.Length ?? 0} cells but row 0 has {Columns}; the map must be rectangular.", nameof(map));
            for (int c = 0; c < Columns; c++)
                switch (map[r][c])
                {
                    case '.': break;
                    case '#': walls[r * Columns + c] = true; break;
                    case 'S' when start < 0: start = r * Columns + c; break;
                    case 'G' when goal < 0: goal = r * Columns + c; break;
                    case 'S' or 'G': throw new ArgumentException($"the map has more than one '{map[r][c]}' (second at row {r}, column {c}).", nameof(map));
                    default: throw new ArgumentException($"unknown cell '{map[r][c]}' at row {r}, column {c}; use '.', '#', 'S' or 'G'.", nameof(map));
                }
        }
        if (start < 0 || goal < 0)
            throw new ArgumentException($"the map needs one 'S' (start) and one 'G' (goal); {(start < 0 ? "'S'" : "'G'")} is missing.", nameof(map));
        Start = start;
        Goal = goal;
        StepReward = stepReward;
        GoalReward = goalReward;
        distanceToGoal = BreadthFirstDistances(goal);
        if (distanceToGoal[start] < 0)
            throw new ArgumentException("the goal cannot be reached from the start: walls cut it off.", nameof(map));
        if (maxSteps is < 1)
            throw new ArgumentOutOfRangeException(nameof(maxSteps), maxSteps, "maxSteps must be ≥ 1.");
        MaxSteps = maxSteps ?? 4 * StateCount;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Number of states, Rows × Columns (wall cells included, never visited).</summary>
    public int StateCount => Rows * Columns;

    /// <inheritdoc/>
    public int ActionCount => 4;

    /// <summary>The start state.</summary>
    public int Start { get; }

    /// <summary>The goal state (terminal).</summary>
    public int Goal { get; }

    /// <summary>Reward of every step.</summary>
    public double StepReward { get; }

    /// <summary>Extra reward of the step that reaches the goal.</summary>
    public double GoalReward { get; }

    /// <summary>Steps after which an episode is truncated.</summary>
    public int MaxSteps { get; }

    /// <summary>Steps taken in the current episode.</summary>
    public int Steps { get; private set; }

    /// <summary>The current state.</summary>
    public int State => state;

    /// <summary>Whether the current episode has ended.</summary>
    public bool IsDone => terminated || truncated;

    /// <summary>The state of a cell.</summary>
    /// <param name="row">Row, 0 at the top.</param>
    /// <param name="column">Column, 0 at the left.</param>
    public int StateAt(int row, int column)
    {
        if ((uint)row >= (uint)Rows)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"rows are 0..{Rows - 1}.");
        if ((uint)column >= (uint)Columns)
            throw new ArgumentOutOfRangeException(nameof(column), column, $"columns are 0..{Columns - 1}.");
        return row * Columns + column;
    }

    /// <summary>The cell of a state.</summary>
    /// <param name="state">A state in 0 … StateCount − 1.</param>
    public (int Row, int Column) Position(int state)
    {
        CheckState(state, nameof(state));
        return (state / Columns, state % Columns);
    }

    /// <summary>Whether a state is a wall cell.</summary>
    /// <param name="state">A state in 0 … StateCount − 1.</param>
    public bool IsWall(int state)
    {
        CheckState(state, nameof(state));
        return walls[state];
    }

    /// <summary>
    /// The model: where <paramref name="action"/> leads from <paramref name="state"/>, the reward, and whether the
    /// next state is the goal. The goal is absorbing (from it every action stays, reward 0, terminal), so value
    /// iteration can use this directly.
    /// </summary>
    /// <param name="state">A non-wall state.</param>
    /// <param name="action">0 up, 1 right, 2 down, 3 left.</param>
    public (int Next, double Reward, bool Terminated) Transition(int state, int action)
    {
        CheckState(state, nameof(state));
        if (walls[state])
            throw new ArgumentException($"state {state} {Position(state)} is a wall; the agent is never there.", nameof(state));
        CheckAction(action);
        if (state == Goal)
            return (Goal, 0, true);
        int next = Neighbor(state, action);
        return next == Goal ? (next, StepReward + GoalReward, true) : (next, StepReward, false);
    }

    /// <inheritdoc/>
    /// <remarks>The start is fixed, so <paramref name="seed"/> has no effect; it is accepted for the common interface.</remarks>
    public int Reset(int? seed = null)
    {
        (state, started, terminated, truncated, Steps) = (Start, true, false, false, 0);
        return state;
    }

    /// <inheritdoc/>
    public StepResult<int> Step(int action)
    {
        CheckAction(action);
        if (!started)
            throw new InvalidOperationException("Call Reset before the first Step.");
        if (IsDone)
            throw new InvalidOperationException(
                $"The episode has ended ({(terminated ? "the goal was reached" : $"truncated after {Steps} steps")}); call Reset to start a new one.");
        var (next, reward, done) = Transition(state, action);
        state = next;
        Steps++;
        terminated = done;
        truncated = Steps >= MaxSteps;
        return new StepResult<int>(state, reward, terminated, truncated);
    }

    /// <summary>Fewest steps from <see cref="Start"/> to <see cref="Goal"/> (breadth-first search).</summary>
    public int ShortestPathLength() => distanceToGoal[Start];

    /// <summary>Fewest steps from <paramref name="state"/> to the goal, or −1 for a wall or a cell cut off from it.</summary>
    /// <param name="state">A state in 0 … StateCount − 1.</param>
    public int ShortestPathLength(int state)
    {
        CheckState(state, nameof(state));
        return distanceToGoal[state];
    }

    /// <summary>
    /// The states visited by following <paramref name="policy"/> from the start (start included) until the goal or
    /// <see cref="MaxSteps"/> steps; a policy that reaches the goal on a shortest path gives ShortestPathLength() + 1 states
    /// ending at <see cref="Goal"/>. Does not touch the environment's current episode.
    /// </summary>
    /// <param name="policy">Chooses an action for a state (e.g. the argmax of a Q-table row).</param>
    public int[] FollowPolicy(Func<int, int> policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var path = new List<int> { Start };
        int current = Start;
        for (int step = 0; step < MaxSteps && current != Goal; step++)
        {
            int action = policy(current);
            if ((uint)action >= 4)
                throw new ArgumentException($"returned action {action} in state {current}; actions are 0..3.", nameof(policy));
            current = Transition(current, action).Next;
            path.Add(current);
        }
        return [.. path];
    }

    /// <summary>The map as text, with the agent's cell (or any chosen cell) drawn as <paramref name="agentMark"/>.</summary>
    /// <param name="agent">The state to mark, default the current state once an episode has started.</param>
    /// <param name="agentMark">The mark.</param>
    public string Render(int? agent = null, char agentMark = 'A')
    {
        int? marked = agent ?? (started ? state : null);
        var text = new StringBuilder();
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Columns; c++)
            {
                int s = r * Columns + c;
                text.Append(s == marked ? agentMark : walls[s] ? '#' : s == Start ? 'S' : s == Goal ? 'G' : '.');
            }
            if (r < Rows - 1)
                text.Append('\n');
        }
        return text.ToString();
    }

    private int Neighbor(int state, int action)
    {
        int row = state / Columns + Moves[action].Row, column = state % Columns + Moves[action].Column;
        if (row < 0 || row >= Rows || column < 0 || column >= Columns || walls[row * Columns + column])
            return state;
        return row * Columns + column;
    }

    private int[] BreadthFirstDistances(int from)
    {
        var distance = Enumerable.Repeat(-1, StateCount).ToArray();
        var queue = new Queue<int>();
        distance[from] = 0;
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            int s = queue.Dequeue();
            for (int a = 0; a < 4; a++)
            {
                // Moves are reversible (up/down, left/right), so distances from the goal are distances to it.
                int n = Neighbor(s, a);
                if (distance[n] < 0)
                {
                    distance[n] = distance[s] + 1;
                    queue.Enqueue(n);
                }
            }
        }
        return distance;
    }

    private void CheckState(int state, string name)
    {
        if ((uint)state >= (uint)StateCount)
            throw new ArgumentOutOfRangeException(name, state, $"states are 0..{StateCount - 1}.");
    }

    private static void CheckAction(int action)
    {
        if ((uint)action >= 4)
            throw new ArgumentOutOfRangeException(nameof(action), action, "GridWorld's actions are 0 up, 1 right, 2 down, 3 left.");
    }
}
