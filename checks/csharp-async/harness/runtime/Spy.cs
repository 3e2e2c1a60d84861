namespace GraderHarness;

/// <summary>
/// The body the rewriter gives a spied student method (WaitRandom, TaskWaitRandom, WaitN): it tells the supervisor
/// of the call, runs the student's original method unchanged and, when that returns a Task, tells when and how it
/// ended; the supervisor stamps and keeps the record.
/// </summary>
public static class Spy
{
    public static T Call<T>(string name, Func<T> original, params object?[] args)
    {
        var scenario = GraderRuntime.Current;
        var call = scenario.SpyStarted(name, args);
        T result;
        try
        {
            result = original();
        }
        catch (Exception exception)
        {
            scenario.SpyEnded(call, "exception", exception.GetType().Name);
            throw;
        }

        var returnedType = result is null ? "null" : TypeNames.Of(result.GetType());
        if (result is Task task)
        {
            scenario.SpyReturned(call, returnedType, task.Status.ToString());
            task.ContinueWith(
                done =>
                {
                    var status = done.Status switch
                    {
                        TaskStatus.RanToCompletion => "ok",
                        TaskStatus.Canceled => "cancelled",
                        _ => "exception",
                    };
                    scenario.SpyEnded(call, status, done.Status == TaskStatus.RanToCompletion ? TaskResults.Of(done) : done.Exception?.InnerException?.GetType().Name);
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
        else
        {
            scenario.SpyReturned(call, returnedType, null);
            scenario.SpyEnded(call, "ok", result);
        }

        return result;
    }
}

/// <summary>Reads what a finished Task holds, whatever its T.</summary>
internal static class TaskResults
{
    public static object? Of(Task task) =>
        task.GetType().IsGenericType && task.GetType().GetProperty("Result") is { } result && result.PropertyType.Name != "VoidTaskResult"
            ? result.GetValue(task)
            : null;
}

/// <summary>Type names as C# writes them: Task&lt;double&gt;, List&lt;double&gt;.</summary>
internal static class TypeNames
{
    public static string Of(Type type)
    {
        // An async method's Task is a runtime-internal subclass (AsyncStateMachineBox); name the public Task<T> it is.
        while (!(type.IsPublic || type.IsNestedPublic) && type.BaseType is { } parent)
        {
            type = parent;
        }

        if (type.IsGenericType)
        {
            var name = type.Name[..type.Name.IndexOf('`')];
            return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Of))}>";
        }

        return type.FullName switch
        {
            "System.Double" => "double",
            "System.Single" => "float",
            "System.Int32" => "int",
            "System.Int64" => "long",
            "System.String" => "string",
            "System.Object" => "object",
            _ => type.Name,
        };
    }
}
