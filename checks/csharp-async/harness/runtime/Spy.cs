namespace GraderHarness;

/// <summary>
/// The body the rewriter gives a spied student method (WaitRandom, TaskWaitRandom, WaitN): it records the call,
/// runs the student's original method unchanged and, when that returns a Task, records when and how it ended.
/// </summary>
public static class Spy
{
    public static T Call<T>(string name, Func<T> original, params object?[] args)
    {
        var scenario = GraderRuntime.Current;
        var call = scenario.RecordSpyCall(name, args);
        T result;
        try
        {
            result = original();
        }
        catch (Exception exception)
        {
            call.Status = "exception";
            call.Returned = exception.GetType().Name;
            call.FinishedAt = scenario.Clock.Seconds;
            throw;
        }

        call.ReturnedType = result is null ? "null" : TypeNames.Of(result.GetType());
        if (result is Task task)
        {
            call.TaskStatusAtReturn = task.Status.ToString();
            task.ContinueWith(
                done =>
                {
                    call.FinishedAt = scenario.Clock.Seconds;
                    call.Status = done.Status switch
                    {
                        TaskStatus.RanToCompletion => "ok",
                        TaskStatus.Canceled => "cancelled",
                        _ => "exception",
                    };
                    call.Returned = done.Status == TaskStatus.RanToCompletion ? TaskResults.Of(done) : done.Exception?.InnerException?.GetType().Name;
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
        else
        {
            call.Status = "ok";
            call.Returned = result;
            call.FinishedAt = scenario.Clock.Seconds;
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
