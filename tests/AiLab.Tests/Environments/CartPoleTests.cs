using AiLab.Environments;

namespace AiLab.Tests.Environments;

/// <summary>
/// CartPole against an independent integration of Barto, Sutton &amp; Anderson's (1983) frictionless equations written in
/// the paper's form (not Gymnasium's temp/thetaacc/xacc arrangement), with Gymnasium CartPole-v1's constants.
/// </summary>
public sealed class CartPoleTests
{
    // The paper's equations of motion (friction-free), Euler-integrated as Gymnasium's "euler" integrator does.
    private static double[] PaperStep(double[] s, int action)
    {
        const double g = 9.8, mc = 1.0, m = 0.1, l = 0.5, tau = 0.02;
        double f = action == 1 ? 10.0 : -10.0;
        double x = s[0], xDot = s[1], th = s[2], thDot = s[3];
        double thAcc = (g * Math.Sin(th) + Math.Cos(th) * ((-f - m * l * thDot * thDot * Math.Sin(th)) / (mc + m)))
                       / (l * (4.0 / 3.0 - m * Math.Cos(th) * Math.Cos(th) / (mc + m)));
        double xAcc = (f + m * l * (thDot * thDot * Math.Sin(th) - thAcc * Math.Cos(th))) / (mc + m);
        return [x + tau * xDot, xDot + tau * xAcc, th + tau * thDot, thDot + tau * thAcc];
    }

    private static bool PaperFailed(double[] s) => Math.Abs(s[0]) > 2.4 || Math.Abs(s[2]) > 12 * Math.PI / 180;

    private static void Close(double[] expected, double[] actual, double tolerance, string what)
    {
        for (int i = 0; i < 4; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R}.");
    }

    [Fact]
    public void FirstStepFromRest_ExactFractions()
    {
        // From (0,0,0,0) pushing right: θ̈ = −(100/11)/(0.5·41/33) = −600/41, ẍ = 400/41; Euler leaves x and θ at 0.
        var env = new CartPole();
        env.ResetTo(0, 0, 0, 0);

        var (observation, reward, terminated, truncated) = env.Step(1);

        Close([0, 8.0 / 41, 0, -12.0 / 41], observation, 1e-15, "state");
        Assert.Equal(1.0, reward);
        Assert.False(terminated);
        Assert.False(truncated);
    }

    [Fact]
    public void Trajectory_MatchesPaperEquations()
    {
        var env = new CartPole();
        double[] expected = env.Reset(seed: 11);
        var random = new Random(5);
        for (int t = 0; t < 40 && !env.IsDone; t++)
        {
            int action = random.Next(2);
            expected = PaperStep(expected, action);
            var step = env.Step(action);
            Close(expected, step.Observation, 1e-12, $"step {t + 1}");
            Assert.Equal(PaperFailed(expected), step.Terminated);
        }
        Assert.True(env.Steps >= 10, $"the random rollout should last a while ({env.Steps} steps).");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void ConstantAction_TerminatesWhenThePoleFalls(int action)
    {
        // Pushing one way only tips the pole the other way past 12° within a few tenths of a second.
        var env = new CartPole();
        double[] state = env.Reset(seed: 3);
        int expectedSteps = 0;
        do
        {
            state = PaperStep(state, action);
            expectedSteps++;
        } while (!PaperFailed(state));

        double episodeReturn = 0;
        StepResult<double[]> step;
        do
        {
            step = env.Step(action);
            episodeReturn += step.Reward;
        } while (!step.Done);

        Assert.Equal(expectedSteps, env.Steps);
        Assert.InRange(env.Steps, 8, 12); // |θ| passes 0.2094 rad after ~0.2 s of constant push from near rest
        Assert.Equal(expectedSteps, episodeReturn); // reward 1 per step, the terminating one included
        Assert.True(step.Terminated);
        Assert.False(step.Truncated);
        Assert.True(Math.Abs(step.Observation[2]) > CartPole.AngleLimit);
        Assert.Equal(action == 1 ? -1 : 1, Math.Sign(step.Observation[2])); // pushed right, the pole falls left
    }

    [Fact]
    public void BalancingController_IsTruncatedAt500Steps()
    {
        var env = new CartPole();
        var state = env.Reset(seed: 1);
        StepResult<double[]> step = default;
        while (!env.IsDone)
        {
            // Push toward the side the pole is falling to, with a little cart-centring.
            int action = state[2] + 0.3 * state[3] + 0.01 * state[0] + 0.05 * state[1] > 0 ? 1 : 0;
            step = env.Step(action);
            state = step.Observation;
        }

        Assert.Equal(500, env.Steps);
        Assert.True(step.Truncated);
        Assert.False(step.Terminated);
        Assert.Contains("truncated after 500 steps", Assert.Throws<InvalidOperationException>(() => env.Step(0)).Message);
    }

    [Fact]
    public void Reset_SeededStartStates_InRangeAndReproducible()
    {
        var env = new CartPole();
        double[] first = env.Reset(seed: 42), again = env.Reset(seed: 42), other = env.Reset(seed: 43), next = env.Reset();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.NotEqual(other, next); // no seed: the stream continues
        foreach (double v in first.Concat(other).Concat(next))
            Assert.InRange(v, -0.05, 0.05);
        Assert.Equal(new CartPole(seed: 9).Reset(), new CartPole(seed: 9).Reset());
    }

    [Fact]
    public void Observation_IsACopy()
    {
        var env = new CartPole();
        double[] observation = env.Reset(seed: 0);
        observation[2] = 1.0;
        Assert.NotEqual(1.0, env.State[2]);
    }

    [Fact]
    public void BadInput_ClearExceptions()
    {
        var env = new CartPole(maxSteps: 3);
        Assert.Contains("Reset", Assert.Throws<InvalidOperationException>(() => env.Step(0)).Message);
        env.Reset(seed: 0);
        Assert.Equal("action", Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(2)).ParamName);
        Assert.Equal("action", Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(-1)).ParamName);
        env.ResetTo(0, 0, 0.2, 1.0); // θ + τθ̇ = 0.22 rad > 12°: falls on this step
        Assert.True(env.Step(1).Terminated);
        Assert.Contains("terminated", Assert.Throws<InvalidOperationException>(() => env.Step(1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CartPole(maxSteps: 0));
        Assert.Throws<ArgumentException>(() => env.ResetTo(double.NaN, 0, 0, 0));
    }
}
