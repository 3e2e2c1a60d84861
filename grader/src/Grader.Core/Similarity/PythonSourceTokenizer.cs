using Grader.Core.Evidence;
using Grader.Core.Python.Tools;

namespace Grader.Core.Similarity;

/// <summary>The Python tokenizer bound to the interpreter and tokens.py it runs: the similarity pipeline's view of it.</summary>
public sealed class PythonSourceTokenizer(PythonTokenizer tokenizer, PythonInterpreter python, string scriptPath) : ISourceTokenizer
{
    public Task<ToolRun<TokenizerResponse>> TokenizeAsync(IReadOnlyCollection<TokenizerInput> files, ScratchSpace scratch, CancellationToken cancellationToken) =>
        tokenizer.TokenizeAsync(python, scriptPath, files, scratch, cancellationToken);
}
