namespace AiLab.Environments;

/// <summary>
/// A reinforcement-learning environment with discrete actions, shaped like Gymnasium's <c>Env</c>:
/// <see cref="Reset"/> starts an episode and returns the first observation; <see cref="Step"/> applies an action and
/// returns the next observation, the reward, and whether the episode ended — <c>Terminated</c> (a terminal state of the
/// MDP: do not bootstrap from it) or <c>Truncated</c> (a time limit cut it short: the state is not terminal). Stepping an
/// ended episode, or before the first reset, throws <see cref="InvalidOperationException"/>.
/// </summary>
/// <typeparam name="TObservation">What the agent observes (a state index, a vector of reals…).</typeparam>
public interface IEnvironment<TObservation>
{
    /// <summary>Number of actions; valid actions are 0 … ActionCount − 1.</summary>
    int ActionCount { get; }

    /// <summary>Starts a new episode. A seed makes the start state reproducible; null continues the environment's random stream.</summary>
    /// <param name="seed">Seed of the start state's randomness, or null.</param>
    TObservation Reset(int? seed = null);

    /// <summary>Applies <paramref name="action"/> for one time step.</summary>
    /// <param name="action">An action in 0 … ActionCount − 1.</param>
    StepResult<TObservation> Step(int action);
}

/// <summary>The outcome of one <see cref="IEnvironment{TObservation}.Step"/> (Gymnasium's 5-tuple without <c>info</c>).</summary>
/// <typeparam name="TObservation">The observation type.</typeparam>
/// <param name="Observation">The observation after the step.</param>
/// <param name="Reward">Reward for the step.</param>
/// <param name="Terminated">The episode reached a terminal state.</param>
/// <param name="Truncated">The episode hit its step limit (it may also have terminated on that step).</param>
public readonly record struct StepResult<TObservation>(TObservation Observation, double Reward, bool Terminated, bool Truncated)
{
    /// <summary>The episode is over: terminated or truncated.</summary>
    public bool Done => Terminated || Truncated;
}
