using Grader.Core.Evidence;

namespace Grader.Core.Similarity;

/// <summary>
/// Turns many source files (a whole class's) into normalised tokens in one go: names become "N", strings "S",
/// numbers "0", comments vanish, keywords and operators stay. One implementation per language.
/// </summary>
public interface ISourceTokenizer
{
    Task<ToolRun<TokenizerResponse>> TokenizeAsync(IReadOnlyCollection<TokenizerInput> files, ScratchSpace scratch, CancellationToken cancellationToken);
}
