namespace Parallax.Storage.Postgres.Tests;

/// <summary>
/// Marks a test class whose tests need the PostgreSQL server; <see cref="PostgresTestFramework"/> skips them, with
/// the reason, when none is configured outside CI.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class NeedsPostgresAttribute : Attribute;
