using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Checks.PythonAsync.Chain;

/// <summary>
/// Builds the descriptors of the chain's checks: project checks that run one of the course's main files on the
/// student's own five files, in the sandbox and in virtual time, with no prerequisite (a broken file shows in what the
/// main prints).
/// </summary>
internal static class MainDescriptor
{
    public static CheckDescriptor Create(string id, int main, string title, string prints, string howToFix, string bad, string good) =>
        new(id, title, Category.Behaviour, CheckScope.Project,
            $"Runs the course's {main}-main.py on your own files, as the course does; it must print {prints}.",
            "The course checks your project by running its main files: every task passing on its own is not enough if the files do not work together.",
            howToFix, bad, good, []);
}
