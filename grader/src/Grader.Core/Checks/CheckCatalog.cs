using System.Collections.Immutable;
using Grader.Core.Engine;

namespace Grader.Core.Checks;

/// <summary>
/// The ordered list of checks a track runs. Order carries meaning: prerequisites come before the checks that
/// depend on them, and reports list checks in this order.
/// </summary>
public sealed class CheckCatalog
{
    public CheckCatalog(IEnumerable<ICheck> checks)
    {
        Checks = [.. checks];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var check in Checks)
        {
            var descriptor = check.Descriptor;
            if (!seen.Add(descriptor.Id))
            {
                throw new InvalidOperationException($"Check id {descriptor.Id} is registered twice.");
            }

            var unknown = descriptor.Prerequisites.FirstOrDefault(id => !seen.Contains(id));
            if (unknown is not null)
            {
                throw new InvalidOperationException($"{descriptor.Id} depends on {unknown}, which is not registered before it.");
            }

            // Project checks run before every task check, so they cannot wait for one.
            var taskPrerequisite = check is IProjectCheck ? descriptor.Prerequisites.FirstOrDefault(id => Find(id) is ITaskCheck) : null;
            if (taskPrerequisite is not null)
            {
                throw new InvalidOperationException($"{descriptor.Id} is a project check and cannot depend on the task check {taskPrerequisite}.");
            }
        }
    }

    public ImmutableArray<ICheck> Checks { get; }

    public IEnumerable<IProjectCheck> ProjectChecks => Checks.OfType<IProjectCheck>();

    public IEnumerable<ITaskCheck> TaskChecks => Checks.OfType<ITaskCheck>();

    public ICheck? Find(string id) => Checks.FirstOrDefault(check => string.Equals(check.Descriptor.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>A catalog with more checks appended (an assignment's behaviour checks after the static ones).</summary>
    public CheckCatalog With(IEnumerable<ICheck> more) => new(Checks.Concat(more));

    /// <summary>Throws a setup error when a check id is not known, for options that name checks.</summary>
    public ICheck Require(string id) => Find(id) ?? throw GraderSetupException.InvalidOption(id, "no check has this id; 'grader explain' lists them.");
}
