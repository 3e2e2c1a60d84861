namespace Grader.Core.Checks;

/// <summary>A verifiable rule. Implementations are sealed, stateless and get everything through their context.</summary>
public interface ICheck
{
    CheckDescriptor Descriptor { get; }
}

/// <summary>A rule that is judged once per task file.</summary>
public interface ITaskCheck : ICheck
{
    CheckOutcome Evaluate(TaskCheckContext context);
}

/// <summary>A rule that is judged once for the whole project (README, extra files).</summary>
public interface IProjectCheck : ICheck
{
    CheckOutcome Evaluate(ProjectCheckContext context);
}
