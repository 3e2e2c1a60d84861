using System.Globalization;
using System.Text;
using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Core.IO;

namespace Grader.Core.Reporting;

/// <summary>Renders a check's descriptor as Markdown: the source of docs/checks/ID.md and of 'grader explain ID'.</summary>
public static class CheckDocs
{
    /// <param name="language">The language of the examples' code blocks: the track's name (python, csharp).</param>
    public static string Render(CheckDescriptor descriptor, double points, string language)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {descriptor.Id}: {descriptor.Title}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Category: {descriptor.Category.ToString().ToLowerInvariant()} · scope: {descriptor.Scope.ToString().ToLowerInvariant()} · points: {points.ToString("0.##", CultureInfo.InvariantCulture)}");
        if (!descriptor.Prerequisites.IsEmpty)
        {
            text.Append(CultureInfo.InvariantCulture, $" · runs after: {string.Join(", ", descriptor.Prerequisites)}");
        }

        text.Append("\n\n## What it checks\n\n").Append(descriptor.WhatItChecks).Append('\n');
        text.Append("\n## Why it matters\n\n").Append(descriptor.WhyItMatters).Append('\n');
        text.Append("\n## How to fix it\n\n").Append(descriptor.HowToFix).Append('\n');
        text.Append($"\n## Bad\n\n```{language}\n").Append(Unescape(descriptor.BadExample)).Append("\n```\n");
        text.Append($"\n## Good\n\n```{language}\n").Append(Unescape(descriptor.GoodExample)).Append("\n```\n");
        return text.ToString();
    }

    /// <summary>Writes one page per check; returns how many were written.</summary>
    public static int Write(CheckCatalog catalog, AssignmentSpec assignment, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var check in catalog.Checks)
        {
            AtomicFile.WriteAllText(Path.Combine(folder, check.Descriptor.Id + ".md"), Render(check.Descriptor, assignment.PointsFor(check.Descriptor.Id), assignment.Track));
        }

        return catalog.Checks.Length;
    }

    // Examples are written on one line in the descriptors, with \n standing for a line break.
    private static string Unescape(string example) => example.Replace("\\n", "\n", StringComparison.Ordinal);
}
