using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Grader.CSharp.Checks.Docs;

/// <summary>One declaration that needs an XML doc comment, and the comment it has (null when none).</summary>
internal sealed record DocumentedMember(SyntaxNode Declaration, string Describe, DocumentationCommentTriviaSyntax? Comment)
{
    /// <summary>True when the comment is <c>&lt;inheritdoc/&gt;</c>, which documents by reference.</summary>
    public bool Inherits => Elements("inheritdoc").Any();

    /// <summary>The text of the first summary element, whitespace collapsed; null when there is none.</summary>
    public string? Summary => Elements("summary").Select(Text).FirstOrDefault();

    public IEnumerable<XmlNodeSyntax> Elements(string name) =>
        Comment?.Content.Where(node => NameOf(node) == name) ?? [];

    public IEnumerable<string> ParamNames => Elements("param").Select(NameAttribute).OfType<string>();

    private static string? NameOf(XmlNodeSyntax node) => node switch
    {
        XmlElementSyntax element => element.StartTag.Name.LocalName.ValueText,
        XmlEmptyElementSyntax empty => empty.Name.LocalName.ValueText,
        _ => null,
    };

    private static string? NameAttribute(XmlNodeSyntax node)
    {
        var attributes = node switch
        {
            XmlElementSyntax element => element.StartTag.Attributes,
            XmlEmptyElementSyntax empty => empty.Attributes,
            _ => default,
        };
        return attributes.OfType<XmlNameAttributeSyntax>().FirstOrDefault()?.Identifier.Identifier.ValueText;
    }

    private static string Text(XmlNodeSyntax node) => node is XmlElementSyntax element
        ? string.Join(' ', element.Content.ToFullString().Replace("///", " ", StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        : string.Empty;
}

// Every type and member declaration of a file, in source order: the declarations an XML doc comment belongs on.
internal static class DocumentedMembers
{
    public static IEnumerable<DocumentedMember> In(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
            .SelectMany(Declarations);

    private static IEnumerable<DocumentedMember> Declarations(SyntaxNode node)
    {
        var describe = node switch
        {
            BaseTypeDeclarationSyntax type => $"{Keyword(type)} {type.Identifier.ValueText}",
            DelegateDeclarationSyntax @delegate => $"delegate {@delegate.Identifier.ValueText}",
            MethodDeclarationSyntax method => $"method {method.Identifier.ValueText}",
            ConstructorDeclarationSyntax constructor => $"constructor {constructor.Identifier.ValueText}",
            PropertyDeclarationSyntax property => $"property {property.Identifier.ValueText}",
            EventDeclarationSyntax @event => $"event {@event.Identifier.ValueText}",
            IndexerDeclarationSyntax => "indexer",
            OperatorDeclarationSyntax op => $"operator {op.OperatorToken.ValueText}",
            BaseFieldDeclarationSyntax field => $"field {string.Join(", ", field.Declaration.Variables.Select(v => v.Identifier.ValueText))}",
            _ => null,
        };
        if (describe is null)
        {
            yield break;
        }

        yield return new DocumentedMember(node, describe, CommentOf(node));
        if (node is EnumDeclarationSyntax enumeration)
        {
            foreach (var member in enumeration.Members)
            {
                yield return new DocumentedMember(member, $"enum member {member.Identifier.ValueText}", CommentOf(member));
            }
        }
    }

    private static string Keyword(BaseTypeDeclarationSyntax type) => type switch
    {
        RecordDeclarationSyntax => "record",
        StructDeclarationSyntax => "struct",
        InterfaceDeclarationSyntax => "interface",
        EnumDeclarationSyntax => "enum",
        _ => "class",
    };

    private static DocumentationCommentTriviaSyntax? CommentOf(SyntaxNode node) =>
        node.GetLeadingTrivia()
            .Where(trivia => trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
            .Select(trivia => trivia.GetStructure())
            .OfType<DocumentationCommentTriviaSyntax>()
            .LastOrDefault();
}
