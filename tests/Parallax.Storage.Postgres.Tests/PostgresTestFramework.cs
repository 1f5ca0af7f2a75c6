using Parallax.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Parallax.Storage.Postgres.Tests.PostgresTestFramework", "Parallax.Storage.Postgres.Tests")]

namespace Parallax.Storage.Postgres.Tests;

/// <summary>
/// xUnit's framework, except that tests in a [NeedsPostgres] class are reported skipped, with the reason, when no
/// server is configured outside CI. A Fact attribute cannot do this for the inherited store contract tests, whose
/// [Fact]s are declared on the shared base class.
/// </summary>
public sealed class PostgresTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assembly, ISourceInformationProvider source, IMessageSink sink)
        : XunitTestFrameworkDiscoverer(assembly, source, sink)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            var reason = PostgresTestServer.SkipReason;
            bool needsServer = testMethod.TestClass.Class.GetCustomAttributes(typeof(NeedsPostgresAttribute)).Any();
            bool isTest = testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any();
            if (reason is null || !needsServer || !isTest)
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            var skipped = new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }
}
