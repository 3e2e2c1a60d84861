using Grader.Core.Assignment;
using Grader.Core.Batch;
using Grader.Core.Processes;
using Grader.Python.Tools;

namespace Grader.Python.Similarity;

/// <summary>The Python track's share of a batch's similarity analysis.</summary>
public static class PythonSimilarityTrack
{
    /// <summary>tokens.py in one process for the whole class; every submission no other track owns.</summary>
    public static SimilarityTrack Create(IProcessRunner runner, AssignmentSpec assignment, PythonInterpreter? python, string? templateFolder) => new(
        "python",
        assignment,
        _ => true,
        python is null ? null : new PythonSourceTokenizer(new PythonTokenizer(runner), python, Path.Combine(assignment.Directory, PythonTokenizer.Script)),
        templateFolder,
        "no Python interpreter was found to tokenize the code");
}
