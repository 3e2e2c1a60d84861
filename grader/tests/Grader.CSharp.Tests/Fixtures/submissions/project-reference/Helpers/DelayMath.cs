namespace Helpers;

/// <summary>Arithmetic on measured times.</summary>
public static class DelayMath
{
    /// <summary>Divides a total time by how many items shared it.</summary>
    /// <param name="total">The total time, in seconds.</param>
    /// <param name="count">How many items shared it.</param>
    /// <returns>The time per item, in seconds.</returns>
    public static double PerItem(double total, int count) => total / count;
}
