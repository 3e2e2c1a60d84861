using Grader.Python.Checks.Docs;

namespace Grader.Core.Tests.Checks;

/// <summary>
/// PY-DOC-003's reading of a docstring past its word count, on docstrings found in real submissions: each kind of
/// empty docstring is named, and good terse ones, written every way students write them, are not.
/// </summary>
public sealed class DocstringReadingTests
{
    private static readonly string[] Vocabulary = [.. Assignment.AssignmentLoader.Load(Support.RepositoryPaths.Assignment).Vocabulary];

    [Theory]
    [InlineData("_summary_\n\nArgs:\n    max_delay (int, optional): _description_. Defaults to 10.\n\nReturns:\n    float: _description_", "wait_random", "IDE template left unfilled (_summary_)")]
    [InlineData("Summary of the coroutine.\n\nArgs:\n    max_delay (_type_): _description_", "wait_random", "IDE template left unfilled (_description_)")]
    [InlineData("Args: max_delay: max wait. Return: float time random", "wait_random", "starts with its \"Args:\" section")]
    [InlineData(":param max_delay: the longest wait\n:return: the delay", "wait_random", "starts with its \":param max_delay:\" section")]
    [InlineData("Parameters\n----------\nn : int\n    how many coroutines to spawn", "wait_n", "starts with its \"Parameters\" section")]
    [InlineData("Wait Random Function", "wait_random", "only restates the name")]
    [InlineData("The wait_n coroutine.", "wait_n", "only restates the name")]
    [InlineData("Task Wait Random function.", "task_wait_random", "only restates the name")]
    [InlineData("Check by yourself please.", "wait_random", "shares no word with the code")]
    [InlineData("Hello world, nice greetings.", "measure_time", "shares no word with the code")]
    public void An_empty_docstring_is_named(string docstring, string name, string expected)
    {
        var problem = DocstringReading.Problem(docstring, [name], [name, "max_delay", "asyncio", "sleep", "uniform", .. Vocabulary]);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0-basic_async_syntax.py module", "0-basic_async_syntax")]
    [InlineData("Task 3: Tasks", "3-tasks")]
    [InlineData("Basic async syntax module.", "0-basic_async_syntax")]
    public void A_module_docstring_that_only_names_its_file_or_its_task_is_named(string docstring, string file)
    {
        var problem = DocstringReading.Problem(docstring, [file, "task", "tasks", "exercise"], Vocabulary);

        Assert.Equal("only restates the name of what it documents", problem);
    }

    [Theory]
    [InlineData("Return a task that waits a random delay.", "task_wait_random")]
    [InlineData("Wait for a random delay and return it.", "wait_random")]
    [InlineData("Waits a random delay between 0 and max_delay seconds.", "wait_random")]
    [InlineData("Run wait_random n times concurrently.", "wait_n")]
    [InlineData("Spawn n coroutines and collect their delays in completion order.", "wait_n")]
    [InlineData("Measure the average time per call.", "measure_time")]
    [InlineData("Asynchronous coroutine that takes in an integer argument.", "wait_random")]
    [InlineData("Summary line.\n\nArgs:\n    max_delay: the longest delay", "wait_random")]
    [InlineData("Creates an asyncio.Task from wait_random.", "task_wait_random")]
    [InlineData("Sleeps, then gives back the delay.", "wait_random")]
    [InlineData("Uniformly draws how long to sleep, sleeps, returns it.", "wait_random")]
    [InlineData("Note: waits for every task before it returns the delays.", "task_wait_n")]
    [InlineData("Returns the list of all the delays, in completion order.", "wait_n")]
    public void A_good_terse_docstring_reads_as_a_sentence(string docstring, string name)
    {
        Assert.Null(DocstringReading.Problem(docstring, [name], [name, "max_delay", "n", "asyncio", "sleep", "uniform", "create_task", .. Vocabulary]));
    }

    [Theory]
    [InlineData("Basic async syntax: a coroutine that waits for a random delay.", "0-basic_async_syntax")]
    [InlineData("Task 3: a regular function that returns an asyncio.Task.", "3-tasks")]
    public void A_good_module_docstring_reads_as_a_sentence(string docstring, string file) =>
        Assert.Null(DocstringReading.Problem(docstring, [file, "task", "tasks", "exercise"], Vocabulary));
}
