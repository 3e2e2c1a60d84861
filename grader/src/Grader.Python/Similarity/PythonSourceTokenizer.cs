using Grader.Core.Evidence;
using Grader.Core.Similarity;
using Grader.Python.Tools;

namespace Grader.Python.Similarity;

/// <summary>The Python tokenizer bound to the interpreter and tokens.py it runs: the similarity pipeline's view of it.</summary>
public sealed class PythonSourceTokenizer(PythonTokenizer tokenizer, PythonInterpreter python, string scriptPath) : ISourceTokenizer
{
    public Task<ToolRun<TokenizerResponse>> TokenizeAsync(IReadOnlyCollection<TokenizerInput> files, ScratchSpace scratch, CancellationToken cancellationToken) =>
        tokenizer.TokenizeAsync(python, scriptPath, files, scratch, cancellationToken);
}
