using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Grader.CSharp.Behaviour;

/// <summary>
/// Rewrites a student's syntax tree, using the semantic model of the original, so that time, randomness and
/// process exit go through the harness (GraderHarness.GraderRuntime): Task.Delay, Thread.Sleep, Task.Run,
/// Parallel.ForEachAsync and ForAsync, Random.Shared / new Random(), Stopwatch, DateTime(Offset).Now,
/// Environment.TickCount, TimeProvider.System, Environment.Exit, and the blocking waits task.Result, task.Wait()
/// and task.GetAwaiter().GetResult(); ConfigureAwait(false) becomes ConfigureAwait(true) so no continuation escapes
/// the harness's single thread. Every replacement keeps the original's trivia and fits on its line, so line
/// numbers in stack traces still point at the student's source.
/// </summary>
internal sealed class VirtualTimeRewriter(SemanticModel model, ImmutableHashSet<string> spiedMethods) : CSharpSyntaxRewriter
{
    public const string Runtime = "global::GraderHarness.GraderRuntime";

    /// <summary>The suffix of a spied method's renamed original; a wrapper with the original name records each call.</summary>
    public const string OriginalSuffix = "__Student";

    private static readonly ImmutableDictionary<string, string> Members = new Dictionary<string, string>
    {
        ["System.Threading.Tasks.Task.Delay"] = $"{Runtime}.Delay",
        ["System.Threading.Tasks.Task.Run"] = $"{Runtime}.Run",
        ["System.Threading.Tasks.Parallel.ForEachAsync"] = $"{Runtime}.ForEachAsync",
        ["System.Threading.Tasks.Parallel.ForAsync"] = $"{Runtime}.ForAsync",
        ["System.Threading.Thread.Sleep"] = $"{Runtime}.Sleep",
        ["System.Environment.Exit"] = $"{Runtime}.Exit",
        ["System.Environment.TickCount"] = $"{Runtime}.TickCount",
        ["System.Environment.TickCount64"] = $"{Runtime}.TickCount64",
        ["System.DateTime.Now"] = $"{Runtime}.Now",
        ["System.DateTime.UtcNow"] = $"{Runtime}.UtcNow",
        ["System.DateTime.Today"] = $"{Runtime}.Today",
        ["System.DateTimeOffset.Now"] = $"{Runtime}.OffsetNow",
        ["System.DateTimeOffset.UtcNow"] = $"{Runtime}.OffsetNow",
        ["System.Random.Shared"] = $"{Runtime}.SharedRandom",
        ["System.TimeProvider.System"] = $"{Runtime}.Clock",
    }.ToImmutableDictionary();

    private static readonly ImmutableDictionary<string, string> Types = new Dictionary<string, string>
    {
        ["System.Diagnostics.Stopwatch"] = "global::GraderHarness.VirtualStopwatch",
    }.ToImmutableDictionary();

    public override SyntaxNode? VisitMemberAccessExpression(MemberAccessExpressionSyntax node) =>
        IsTaskMember(node, "Result", "System.Threading.Tasks.Task<TResult>")
            ? BlockingWait("ResultOf", node.Expression, node)
            : Replacement(node) ?? base.VisitMemberAccessExpression(node);

    // 'var' binds to the type it stands for; it stays 'var' and infers the replaced type.
    public override SyntaxNode? VisitIdentifierName(IdentifierNameSyntax node) =>
        node.IsVar || (node.Parent is MemberAccessExpressionSyntax access && access.Name == node) ? base.VisitIdentifierName(node) : Replacement(node) ?? base.VisitIdentifierName(node);

    public override SyntaxNode? VisitQualifiedName(QualifiedNameSyntax node) => Replacement(node) ?? base.VisitQualifiedName(node);

    public override SyntaxNode? VisitObjectCreationExpression(ObjectCreationExpressionSyntax node) =>
        IsRandom(node) ? Parse($"{Runtime}.NewRandom()", node) : base.VisitObjectCreationExpression(node);

    public override SyntaxNode? VisitImplicitObjectCreationExpression(ImplicitObjectCreationExpressionSyntax node) =>
        IsRandom(node) ? Parse($"{Runtime}.NewRandom()", node) : base.VisitImplicitObjectCreationExpression(node);

    public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        // task.Wait() and task.GetAwaiter().GetResult(): blocking waits, recorded by the harness.
        if (node.ArgumentList.Arguments.Count == 0 && node.Expression is MemberAccessExpressionSyntax call)
        {
            if (IsTaskMember(call, "Wait", "System.Threading.Tasks.Task"))
            {
                return BlockingWait("Wait", call.Expression, node);
            }

            if (call.Expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax getAwaiter }
                && Symbol(call) is IMethodSymbol { Name: "GetResult" }
                && (IsTaskMember(getAwaiter, "GetAwaiter", "System.Threading.Tasks.Task") || IsTaskMember(getAwaiter, "GetAwaiter", "System.Threading.Tasks.Task<TResult>")))
            {
                return BlockingWait("GetResult", getAwaiter.Expression, node);
            }
        }

        var visited = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;
        return Symbol(node) is IMethodSymbol { Name: "ConfigureAwait" } method && EscapesTheContext(method)
            ? visited.WithArgumentList(SyntaxFactory.ParseArgumentList("(true)").WithTriviaFrom(visited.ArgumentList))
            : visited;
    }

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        return IsSpied(node, out _) ? visited.WithIdentifier(SyntaxFactory.Identifier(node.Identifier.ValueText + OriginalSuffix).WithTriviaFrom(node.Identifier)) : visited;
    }

    public override SyntaxNode? VisitClassDeclaration(ClassDeclarationSyntax node)
    {
        var visited = (ClassDeclarationSyntax)base.VisitClassDeclaration(node)!;
        var wrappers = node.Members.OfType<MethodDeclarationSyntax>()
            .Select(method => IsSpied(method, out var symbol) ? SpyWrapper.For(symbol!) : null)
            .OfType<MemberDeclarationSyntax>()
            .ToList();
        return wrappers.Count == 0 ? visited : visited.AddMembers([.. wrappers]);
    }

    private bool IsTaskMember(MemberAccessExpressionSyntax access, string name, string type) =>
        access.Name.Identifier.ValueText == name && Symbol(access) is { } symbol && symbol.ContainingType?.OriginalDefinition.ToDisplayString() == type;

    // receiver.Result becomes GraderRuntime.ResultOf(receiver). Line breaks that sat between the receiver and the member
    // (task\n    .Result) go after the call, so every later line keeps its number.
    private InvocationExpressionSyntax BlockingWait(string method, ExpressionSyntax receiver, ExpressionSyntax original)
    {
        var call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression($"{Runtime}.{method}"),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(((ExpressionSyntax)Visit(receiver)!).WithoutLeadingTrivia()))))
            .WithTriviaFrom(original);
        var lost = LineBreaks(original) - LineBreaks(call);
        return lost <= 0
            ? call
            : call.WithTrailingTrivia(Enumerable.Repeat(SyntaxFactory.EndOfLine("\n"), lost).Concat(original.GetTrailingTrivia()));
    }

    private static int LineBreaks(SyntaxNode node) => node.ToFullString().Count(character => character == '\n');

    private bool IsSpied(MethodDeclarationSyntax node, out IMethodSymbol? symbol)
    {
        symbol = model.GetDeclaredSymbol(node);
        return symbol is { IsStatic: true, IsGenericMethod: false } && spiedMethods.Contains($"{symbol.ContainingType.Name}.{symbol.Name}");
    }

    private ExpressionSyntax? Replacement(ExpressionSyntax node) => Symbol(node) switch
    {
        IMethodSymbol or IPropertySymbol when Members.TryGetValue(Key(Symbol(node)!), out var target) => Parse(target, node),
        INamedTypeSymbol type when Types.TryGetValue(type.ToDisplayString(), out var target) => SyntaxFactory.ParseName(target).WithTriviaFrom(node),
        _ => null,
    };

    private ISymbol? Symbol(SyntaxNode node)
    {
        var info = model.GetSymbolInfo(node);
        return info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
    }

    private bool IsRandom(ExpressionSyntax node) => model.GetTypeInfo(node).Type?.ToDisplayString() == "System.Random";

    private static string Key(ISymbol symbol) => $"{symbol.ContainingType?.OriginalDefinition.ToDisplayString()}.{symbol.Name}";

    // ConfigureAwait(bool) of Task, Task<T>, ValueTask and of async streams (TaskAsyncEnumerableExtensions).
    private static bool EscapesTheContext(IMethodSymbol method) =>
        method.Parameters.LastOrDefault()?.Type.SpecialType == SpecialType.System_Boolean
        && method.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

    private static ExpressionSyntax Parse(string text, SyntaxNode original) =>
        SyntaxFactory.ParseExpression(text).WithTriviaFrom(original);
}
