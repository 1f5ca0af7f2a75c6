using System.Reflection;

namespace Parallax.Architecture.Tests;

/// <summary>Dependencies point inward: Text ← Nlp ← Core ← adapters and composition roots.</summary>
public sealed class DependencyDirectionTests
{
    public static TheoryData<string, string[]> InnerAssemblies => new()
    {
        { "Parallax.Text", [] },
        { "Parallax.Nlp", ["Parallax.Text"] },
        { "Parallax.Core", ["Parallax.Text", "Parallax.Nlp"] },
    };

    [Theory]
    [MemberData(nameof(InnerAssemblies))]
    public void InnerAssembly_References_OnlyInnerParallaxAssembliesAndNoInfrastructure(string name, string[] allowedParallax)
    {
        // Given an inner assembly
        var assembly = Assembly.Load(name);

        // When its references are listed
        var references = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        // Then it references no storage, web or database assembly, and only Parallax assemblies further in
        Assert.DoesNotContain(references, r => r.Contains("Sqlite", StringComparison.OrdinalIgnoreCase)
            || r.Contains("Npgsql", StringComparison.OrdinalIgnoreCase)
            || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || r.Contains("RabbitMQ", StringComparison.OrdinalIgnoreCase)
            || r.StartsWith("Spectre", StringComparison.Ordinal)
            || r.StartsWith("System.CommandLine", StringComparison.Ordinal));
        var parallax = references.Where(r => r.StartsWith("Parallax.", StringComparison.Ordinal)).ToList();
        Assert.All(parallax, r => Assert.Contains(r, allowedParallax));
    }

    [Fact]
    public void Text_HasNoPackageDependencies()
    {
        var references = Assembly.Load("Parallax.Text").GetReferencedAssemblies().Select(a => a.Name!);
        Assert.All(references, r => Assert.True(r.StartsWith("System", StringComparison.Ordinal) || r == "netstandard" || r == "mscorlib", r));
    }
}
