using System.Globalization;
using System.Reflection;

namespace GraderHarness;

/// <summary>
/// Calls the student's public static methods by class and method name, through reflection, so the harness
/// compiles whatever the student wrote (a missing method is a recorded exception, not a compile error).
/// Arguments given as <see cref="Type.Missing"/> take the method's own default value.
/// </summary>
internal static class StudentApi
{
    public static object? Call(string type, string method, params object?[] args)
    {
        var found = Assembly.GetExecutingAssembly().GetTypes()
            .Where(candidate => candidate.Name == type && candidate.Namespace?.StartsWith(nameof(GraderHarness), StringComparison.Ordinal) != true)
            .Select(candidate => candidate.GetMethod(method, BindingFlags.Public | BindingFlags.Static))
            .FirstOrDefault(info => info is not null)
            ?? throw new MissingMethodException($"{type}.{method} was not found (a public static method of a class named {type})");
        return found.Invoke(null, BindingFlags.OptionalParamBinding | BindingFlags.InvokeMethod, null, args, CultureInfo.InvariantCulture);
    }
}
