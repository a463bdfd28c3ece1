namespace AiLab.Environments;

/// <summary>
/// The cart-pole balancing task of Barto, Sutton &amp; Anderson (1983), with Gymnasium's <c>CartPole-v1</c> constants and
/// rules. A pole is hinged on a cart that moves along a frictionless track; each step pushes the cart left (action 0) or
/// right (action 1) with a force of 10 N for τ = 0.02 s.
/// <list type="bullet">
/// <item>Observation: (x, ẋ, θ, θ̇) — cart position (m), cart velocity, pole angle from vertical (rad, positive
/// clockwise, i.e. leaning right), pole angular velocity.</item>
/// <item>Dynamics: g = 9.8, cart mass 1.0, pole mass 0.1, half pole length l = 0.5, with
/// θ̈ = (g sin θ − cos θ · (F + m l θ̇² sin θ)/M) / (l (4/3 − m cos² θ / M)) and ẍ = (F + m l θ̇² sin θ)/M − m l θ̈ cos θ / M,
/// M = total mass; explicit Euler: x += τẋ, ẋ += τẍ, θ += τθ̇, θ̇ += τθ̈ (positions updated with the old velocities).</item>
/// <item>Reward 1 for every step, the terminating one included; terminated when |x| &gt; 2.4 or |θ| &gt; 12°; truncated
/// after <see cref="MaxSteps"/> steps (500, as the registered CartPole-v1).</item>
/// <item>Reset: each state variable uniform in [−0.05, 0.05). The random stream is .NET's <see cref="Random"/>, so
/// seeded start states differ from Gymnasium's NumPy ones (the dynamics do not).</item>
/// </list>
/// Gymnasium returns float32 observations but integrates in float64; here everything is double.
/// </summary>
public sealed class CartPole : IEnvironment<double[]>
{
    /// <summary>Gravity, m/s².</summary>
    public const double Gravity = 9.8;

    /// <summary>Cart mass, kg.</summary>
    public const double CartMass = 1.0;

    /// <summary>Pole mass, kg.</summary>
    public const double PoleMass = 0.1;

    /// <summary>Half the pole's length, m (Gymnasium's <c>length</c>).</summary>
    public const double HalfPoleLength = 0.5;

    /// <summary>Magnitude of the push, N.</summary>
    public const double ForceMagnitude = 10.0;

    /// <summary>Time step, s.</summary>
    public const double Tau = 0.02;

    /// <summary>The episode terminates when |x| exceeds this, m.</summary>
    public const double PositionLimit = 2.4;

    /// <summary>The episode terminates when |θ| exceeds this: 12° in radians.</summary>
    public const double AngleLimit = 12 * 2 * Math.PI / 360;

    private const double TotalMass = CartMass + PoleMass;
    private const double PoleMassLength = PoleMass * HalfPoleLength;

    private Random random;
    private double x, xDot, theta, thetaDot;
    private bool started, terminated, truncated;

    /// <summary>Creates the environment; call <see cref="Reset"/> before the first step.</summary>
    /// <param name="maxSteps">Steps after which an episode is truncated (≥ 1; CartPole-v1: 500).</param>
    /// <param name="seed">Seed of the start states when <see cref="Reset"/> is called without one.</param>
    public CartPole(int maxSteps = 500, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        MaxSteps = maxSteps;
        random = new Random(seed);
    }

    /// <inheritdoc/>
    public int ActionCount => 2;

    /// <summary>Length of the observation vector (4).</summary>
    public int ObservationSize => 4;

    /// <summary>Steps after which an episode is truncated.</summary>
    public int MaxSteps { get; }

    /// <summary>Steps taken in the current episode.</summary>
    public int Steps { get; private set; }

    /// <summary>A copy of the current state (x, ẋ, θ, θ̇).</summary>
    public double[] State => [x, xDot, theta, thetaDot];

    /// <summary>Whether the current episode has ended (terminated or truncated).</summary>
    public bool IsDone => terminated || truncated;

    /// <inheritdoc/>
    public double[] Reset(int? seed = null)
    {
        if (seed is { } s)
            random = new Random(s);
        double Draw() => random.NextDouble() * 0.1 - 0.05;
        return ResetTo(Draw(), Draw(), Draw(), Draw());
    }

    /// <summary>Starts an episode from a chosen state (for experiments and tests; not part of Gymnasium's API).</summary>
    /// <param name="position">Cart position x.</param>
    /// <param name="velocity">Cart velocity ẋ.</param>
    /// <param name="angle">Pole angle θ, radians.</param>
    /// <param name="angularVelocity">Pole angular velocity θ̇.</param>
    public double[] ResetTo(double position, double velocity, double angle, double angularVelocity)
    {
        if (!(double.IsFinite(position) && double.IsFinite(velocity) && double.IsFinite(angle) && double.IsFinite(angularVelocity)))
            throw new ArgumentException($"the state must be finite, got ({position}, {velocity}, {angle}, {angularVelocity}).");
        (x, xDot, theta, thetaDot) = (position, velocity, angle, angularVelocity);
        (started, terminated, truncated, Steps) = (true, false, false, 0);
        return State;
    }

    /// <inheritdoc/>
    public StepResult<double[]> Step(int action)
    {
        if ((uint)action >= 2)
            throw new ArgumentOutOfRangeException(nameof(action), action, "CartPole's actions are 0 (push left) and 1 (push right).");
        if (!started)
            throw new InvalidOperationException("Call Reset before the first Step.");
        if (IsDone)
            throw new InvalidOperationException(
                $"The episode has ended ({(terminated ? "terminated: the pole fell or the cart left the track" : $"truncated after {Steps} steps")}); call Reset to start a new one.");

        double force = action == 1 ? ForceMagnitude : -ForceMagnitude;
        double cos = Math.Cos(theta), sin = Math.Sin(theta);
        double temp = (force + PoleMassLength * thetaDot * thetaDot * sin) / TotalMass;
        double thetaAcc = (Gravity * sin - cos * temp) / (HalfPoleLength * (4.0 / 3.0 - PoleMass * cos * cos / TotalMass));
        double xAcc = temp - PoleMassLength * thetaAcc * cos / TotalMass;
        x += Tau * xDot;
        xDot += Tau * xAcc;
        theta += Tau * thetaDot;
        thetaDot += Tau * thetaAcc;

        Steps++;
        terminated = x < -PositionLimit || x > PositionLimit || theta < -AngleLimit || theta > AngleLimit;
        truncated = Steps >= MaxSteps;
        return new StepResult<double[]>(State, 1.0, terminated, truncated);
    }
}
