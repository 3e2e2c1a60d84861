using Grader.Core.Intake;

namespace Grader.Core.Tests.Intake;

public sealed class StudentIdsTests
{
    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("alice.smith@example.com", "alice.smith@example.com")]
    [InlineData("Alice Smith_12345_assignsubmission_file_", "Alice_Smith_12345_assignsubmission_file_")]
    [InlineData("José-Ñandú", "José-Ñandú")]
    [InlineData("=cmd|' /C calc'!A0", "_cmd____C_calc__A0")]
    [InlineData("a,b;c\"d\ne", "a_b_c_d_e")]
    [InlineData("../../etc", "_._.._etc")]
    [InlineData("..", "_.")]
    [InlineData("", "_")]
    [InlineData("😀", "_")]
    public void Keeps_letters_digits_and_a_few_marks_and_replaces_the_rest(string name, string id) =>
        Assert.Equal(id, StudentIds.Sanitise(name));

    [Fact]
    public void Decomposed_accents_are_kept_as_accents() =>
        Assert.Equal("Jose\u0301", StudentIds.Sanitise("Jose\u0301"));

    [Fact]
    public void Long_names_are_cut_to_fit_a_file_name() =>
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(StudentIds.Sanitise(new string('é', 500))) <= 200);

    [Fact]
    public void Collisions_get_a_suffix_regardless_of_case_and_say_so()
    {
        var ids = new StudentIds();

        Assert.Equal(("alice", null), ids.Allocate("alice"));
        Assert.Equal(("Alice-2", "'Alice' would share its id with another entry, so its id is 'Alice-2'"), ids.Allocate("Alice"));
        Assert.Equal("alice_-2", ids.Allocate("alice?").Id is "alice_" ? ids.Allocate("alice?").Id : "not allocated");
        Assert.Equal("alice-3", ids.Allocate("alice").Id);
        Assert.Equal("alice-2-2", ids.Allocate("alice-2").Id);
    }
}
