using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace PinpointAggregator.Host.Tests.Deploy;

/// <summary>
/// deploy/kubernetes parses, the kustomization lists every manifest, and the silo Deployment has what an
/// operator relies on: probes, the pod IP as advertised address, the connection string from a Secret, limits,
/// and a non-root, read-only container.
/// </summary>
public sealed partial class KubernetesManifestTests
{
    private static readonly string Folder = RepositoryFiles.PathOf(Path.Combine("deploy", "kubernetes"));

    [Fact]
    public void Manifests_Parse_AndHoldTheRequiredKinds_AllListedInTheKustomization()
    {
        var manifests = Manifests();
        var kinds = manifests.Select(m => m.Document.Scalar("kind")).ToHashSet();

        Assert.Superset(new HashSet<string?> { "Deployment", "Service", "ConfigMap", "PodDisruptionBudget", "Job" }, kinds);
        var kustomization = RepositoryFiles.YamlDocuments(Path.Combine(Folder, "kustomization.yaml")).Single();
        Assert.Equal(
            manifests.Select(m => m.File).Distinct().Order(),
            kustomization.Items("resources").Cast<YamlScalarNode>().Select(r => r.Value!).Order());
    }

    [Fact]
    public void SiloDeployment_HasProbesTheAdvertisedPodIpASecretConnectionStringAndARestrictedContainer()
    {
        var deployment = Single("Deployment");
        var pod = deployment.At("spec", "template", "spec")!;
        var silo = pod.Items("containers").Single();

        Assert.Equal("3", deployment.Scalar("spec", "replicas"));
        Assert.Equal("50051", silo.Scalar("readinessProbe", "grpc", "port"));
        Assert.NotNull(silo.At("livenessProbe", "tcpSocket"));
        Assert.Equal("status.podIP", Env(silo, "Silo__AdvertisedAddress").Scalar("valueFrom", "fieldRef", "fieldPath"));
        Assert.NotNull(Env(silo, "ConnectionStrings__PinpointAggregator").At("valueFrom", "secretKeyRef", "name"));
        Assert.Equal("true", pod.Scalar("securityContext", "runAsNonRoot"));
        Assert.Equal("true", silo.Scalar("securityContext", "readOnlyRootFilesystem"));
        Assert.Equal("false", silo.Scalar("securityContext", "allowPrivilegeEscalation"));
        Assert.NotNull(silo.At("resources", "requests", "memory"));
        Assert.NotNull(silo.At("resources", "limits", "memory"));
        Assert.Equal(["11111", "30000", "50051", "50052"], silo.Items("ports").Select(p => p.Scalar("containerPort")));
    }

    [Fact]
    public void ApiPorts_AgreeAcrossTheConfigMapTheProbesTheScrapeAnnotationsAndTheApiService()
    {
        var deployment = Single("Deployment");
        var silo = deployment.At("spec", "template", "spec")!.Items("containers").Single();
        var config = Single("ConfigMap");
        int Port(string name) => int.Parse(silo.Items("ports").Single(p => p.Scalar("name") == name).Scalar("containerPort")!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(Port("grpc"), new Uri(config.Scalar("data", "Api__Url")!).Port);
        Assert.Equal(Port("http"), new Uri(config.Scalar("data", "Api__HttpUrl")!).Port);
        Assert.Equal(Port("grpc").ToString(System.Globalization.CultureInfo.InvariantCulture), silo.Scalar("readinessProbe", "grpc", "port"));
        Assert.Equal("true", deployment.Scalar("spec", "template", "metadata", "annotations", "prometheus.io/scrape"));
        Assert.Equal(Port("http").ToString(System.Globalization.CultureInfo.InvariantCulture), deployment.Scalar("spec", "template", "metadata", "annotations", "prometheus.io/port"));
        Assert.Equal("/metrics", deployment.Scalar("spec", "template", "metadata", "annotations", "prometheus.io/path"));
        var api = Manifests().Select(m => m.Document).Single(d => d.Scalar("kind") == "Service" && d.Scalar("metadata", "name") == "pinpoint-aggregator-api");
        Assert.Equal(["grpc", "http"], api.Items("spec", "ports").Select(p => p.Scalar("targetPort")));
    }

    [Fact]
    public void MigrationJob_RunsTheHostsMigrateCommand_WithTheSameSecret()
    {
        var job = Single("Job").At("spec", "template", "spec")!;
        var container = job.Items("containers").Single();

        Assert.Equal(["migrate"], container.Items("args").Select(a => ((YamlScalarNode)a).Value));
        Assert.Equal("PostgreSql", Env(container, "Storage__Provider").Scalar("value"));
        Assert.Equal(
            Env(Single("Deployment").At("spec", "template", "spec")!.Items("containers").Single(), "ConnectionStrings__PinpointAggregator").Scalar("valueFrom", "secretKeyRef", "name"),
            Env(container, "ConnectionStrings__PinpointAggregator").Scalar("valueFrom", "secretKeyRef", "name"));
        Assert.Equal("true", job.Scalar("securityContext", "runAsNonRoot"));
    }

    [Fact]
    public void NoFileUnderDeploy_ContainsALiteralPassword()
    {
        var deploy = RepositoryFiles.PathOf("deploy");
        var offending = Directory.EnumerateFiles(deploy, "*", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (File: Path.GetRelativePath(deploy, file), Line: index + 1, Text: line)))
            .Where(l => LiteralPassword().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offending.Count == 0, "literal passwords: " + string.Join("; ", offending));
    }

    [Fact]
    public void PasswordCheck_CatchesConnectionStringsAndYamlValues_NotReferences()
    {
        Assert.Matches(LiteralPassword(), "Host=db;Username=app;Password=hunter2");
        Assert.Matches(LiteralPassword(), "  POSTGRES_PASSWORD: hunter2");
        Assert.Matches(LiteralPassword(), "  password: \"hunter2\"");
        Assert.DoesNotMatch(LiteralPassword(), "  POSTGRES_PASSWORD: ${PINPOINT_PG_PASSWORD}");
        Assert.DoesNotMatch(LiteralPassword(), "  key: connection-string # the password lives in the Secret");
    }

    /// <summary>A password key (<c>Password=</c>, <c>PASSWORD:</c>) followed by a value that is not a variable reference.</summary>
    [GeneratedRegex("""password["']?\s*[:=]\s*["']?[^\s"'$<{]""", RegexOptions.IgnoreCase)]
    private static partial Regex LiteralPassword();

    private static YamlNode Env(YamlNode container, string name) =>
        container.Items("env").SingleOrDefault(e => e.Scalar("name") == name) ?? throw new Xunit.Sdk.XunitException($"no env var {name}");

    private static YamlMappingNode Single(string kind) => Manifests().Single(m => m.Document.Scalar("kind") == kind).Document;

    private static List<(string File, YamlMappingNode Document)> Manifests() =>
    [
        .. Directory.EnumerateFiles(Folder, "*.yaml")
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(f => RepositoryFiles.YamlDocuments(f).Select(d => (Path.GetFileName(f), d))),
    ];
}
