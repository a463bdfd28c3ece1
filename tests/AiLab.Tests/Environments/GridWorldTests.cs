using AiLab.Environments;

namespace AiLab.Tests.Environments;

public sealed class GridWorldTests
{
    // The only route: right along the top, down and along the bottom, up and over the second wall, down to G: 12 steps.
    private static readonly string[] Maze =
    [
        "S..#...",
        ".#.#.#.",
        ".#...#G",
    ];

    [Fact]
    public void Map_ParsedIntoStatesAndWalls()
    {
        var world = new GridWorld(Maze);

        Assert.Equal((3, 7, 21, 4), (world.Rows, world.Columns, world.StateCount, world.ActionCount));
        Assert.Equal(0, world.Start);
        Assert.Equal(world.StateAt(2, 6), world.Goal);
        Assert.True(world.IsWall(world.StateAt(1, 1)));
        Assert.False(world.IsWall(world.StateAt(1, 2)));
        Assert.Equal((2, 6), world.Position(20));
        Assert.Equal(string.Join('\n', Maze), world.Render());
    }

    [Fact]
    public void ShortestPath_HandCountedMaze()
    {
        var world = new GridWorld(Maze);

        Assert.Equal(12, world.ShortestPathLength());
        Assert.Equal(0, world.ShortestPathLength(world.Goal));
        Assert.Equal(-1, world.ShortestPathLength(world.StateAt(0, 3))); // a wall
        Assert.Equal(14, world.ShortestPathLength(world.StateAt(2, 0))); // the dead end below the start
    }

    [Fact]
    public void ShortestPath_OpenGrid_IsManhattanDistance()
    {
        string[] open = ["S.....", "......", "......", ".....G"];
        var world = new GridWorld(open);
        Assert.Equal(3 + 5, world.ShortestPathLength());
        for (int s = 0; s < world.StateCount; s++)
        {
            var (r, c) = world.Position(s);
            Assert.Equal(Math.Abs(r - 3) + Math.Abs(c - 5), world.ShortestPathLength(s));
        }
    }

    [Fact]
    public void ShortestPath_EqualsValueIterationOnRandomMazes()
    {
        // Independent check of the BFS: with reward −1 per step, the optimal value is minus the distance.
        var random = new Random(1);
        int checkedMazes = 0;
        while (checkedMazes < 20)
        {
            char[][] cells = [.. Enumerable.Range(0, 6).Select(_ => Enumerable.Range(0, 8).Select(_ => random.NextDouble() < 0.3 ? '#' : '.').ToArray())];
            cells[0][0] = 'S';
            cells[5][7] = 'G';
            GridWorld world;
            try { world = new GridWorld([.. cells.Select(r => new string(r))]); }
            catch (ArgumentException) { continue; } // goal walled off: draw again
            var value = new double[world.StateCount];
            for (int sweep = 0; sweep < world.StateCount; sweep++)
                for (int s = 0; s < world.StateCount; s++)
                    if (!world.IsWall(s) && s != world.Goal)
                        value[s] = Enumerable.Range(0, 4).Max(a =>
                        {
                            var (next, reward, done) = world.Transition(s, a);
                            return reward + (done ? 0 : value[next]);
                        });
            for (int s = 0; s < world.StateCount; s++)
                if (!world.IsWall(s) && world.ShortestPathLength(s) >= 0)
                    Assert.Equal(-world.ShortestPathLength(s), value[s]);
            checkedMazes++;
        }
    }

    [Fact]
    public void Step_MovesBumpsAndReachesTheGoal()
    {
        var world = new GridWorld(["S.G", ".#."], stepReward: -0.5, goalReward: 10);
        Assert.Equal(0, world.Reset());

        Assert.Equal(new StepResult<int>(0, -0.5, false, false), world.Step(0)); // up: off the grid, stays
        Assert.Equal(new StepResult<int>(0, -0.5, false, false), world.Step(3)); // left: off the grid
        Assert.Equal(new StepResult<int>(3, -0.5, false, false), world.Step(2)); // down
        Assert.Equal(new StepResult<int>(3, -0.5, false, false), world.Step(1)); // right: a wall, stays
        world.Step(0);
        world.Step(1);
        var last = world.Step(1);
        Assert.Equal(new StepResult<int>(2, 9.5, true, false), last);
        Assert.Equal(7, world.Steps);
        Assert.Contains("goal was reached", Assert.Throws<InvalidOperationException>(() => world.Step(0)).Message);
        Assert.Equal(0, world.Reset());
        Assert.False(world.IsDone);
    }

    [Fact]
    public void Step_TruncatesAtMaxSteps()
    {
        var world = new GridWorld(Maze, maxSteps: 3);
        world.Reset();
        world.Step(0);
        world.Step(0);
        var third = world.Step(0);
        Assert.True(third.Truncated);
        Assert.False(third.Terminated);
        Assert.Contains("truncated after 3 steps", Assert.Throws<InvalidOperationException>(() => world.Step(1)).Message);
    }

    [Fact]
    public void QLearning_GreedyPolicyFollowsAShortestPath()
    {
        var world = new GridWorld(Maze);
        var q = new double[world.StateCount, world.ActionCount];
        var random = new Random(0);
        int Greedy(int s)
        {
            int best = 0;
            for (int a = 1; a < 4; a++)
                if (q[s, a] > q[s, best]) best = a;
            return best;
        }
        for (int episode = 0; episode < 300; episode++)
        {
            int s = world.Reset();
            while (!world.IsDone)
            {
                int a = random.NextDouble() < 0.2 ? random.Next(4) : Greedy(s);
                var (next, reward, terminated, _) = world.Step(a);
                double target = reward + (terminated ? 0 : Enumerable.Range(0, 4).Max(b => q[next, b]));
                q[s, a] += 0.5 * (target - q[s, a]);
                s = next;
            }
        }

        int[] path = world.FollowPolicy(Greedy);

        Assert.Equal(world.Goal, path[^1]);
        Assert.Equal(world.ShortestPathLength() + 1, path.Length);
        // A policy that never moves never arrives: the path stops at MaxSteps.
        Assert.Equal(world.MaxSteps + 1, world.FollowPolicy(_ => 0).Length);
    }

    [Fact]
    public void BadInput_ClearExceptions()
    {
        Assert.Equal("map", Assert.Throws<ArgumentException>(() => new GridWorld(["S.", "..G"])).ParamName);
        Assert.Contains("'G'", Assert.Throws<ArgumentException>(() => new GridWorld(["S.."])).Message);
        Assert.Contains("more than one", Assert.Throws<ArgumentException>(() => new GridWorld(["S.G", "S.."])).Message);
        Assert.Contains("unknown cell 'x'", Assert.Throws<ArgumentException>(() => new GridWorld(["S.xG"])).Message);
        Assert.Contains("cannot be reached", Assert.Throws<ArgumentException>(() => new GridWorld(["S#G"])).Message);
        var world = new GridWorld(Maze);
        Assert.Contains("Reset", Assert.Throws<InvalidOperationException>(() => world.Step(0)).Message);
        world.Reset();
        Assert.Equal("action", Assert.Throws<ArgumentOutOfRangeException>(() => world.Step(4)).ParamName);
        Assert.Equal("state", Assert.Throws<ArgumentException>(() => world.Transition(world.StateAt(0, 3), 0)).ParamName);
        Assert.Equal("state", Assert.Throws<ArgumentOutOfRangeException>(() => world.Position(21)).ParamName);
        Assert.Equal("policy", Assert.Throws<ArgumentException>(() => world.FollowPolicy(_ => 7)).ParamName);
    }
}
