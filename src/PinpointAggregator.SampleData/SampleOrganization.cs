using System.Globalization;

namespace PinpointAggregator.SampleData;

/// <summary>The accounts of a generated organization, with the people and roles that act in them.</summary>
internal sealed class SampleOrganization
{
    public static readonly string[] RegionNames =
    [
        "us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ap-south-1", "ap-northeast-1",
        "ca-central-1", "eu-west-2", "us-east-2", "ap-southeast-1", "ap-northeast-2", "eu-north-1", "sa-east-1",
    ];

    public SampleOrganization(int seed, int accounts)
    {
        var random = new SampleRandom(SampleRandom.Mix(seed, 1));
        Id = "o-" + random.HexString(10);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<SampleAccount>();
        for (var i = 0; i < accounts; i++)
        {
            var accountRandom = new SampleRandom(SampleRandom.Mix(seed, 2, i));
            string id;
            do
            {
                id = accountRandom.Next(100_000, 1_000_000).ToString("D6", CultureInfo.InvariantCulture) + accountRandom.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            }
            while (!ids.Add(id));
            list.Add(new SampleAccount(id, accountRandom));
        }

        Accounts = list;
    }

    public string Id { get; }

    public IReadOnlyList<SampleAccount> Accounts { get; }
}

/// <summary>One account: its IAM users, roles and the addresses its callers come from.</summary>
internal sealed class SampleAccount
{
    public SampleAccount(string id, SampleRandom random)
    {
        Id = id;
        Users = ["alice", "bob", "ci-deployer", "terraform", "data-eng"];
        UserIds = Users.Select(_ => "AIDA" + random.UpperString(17)).ToArray();
        Roles =
        [
            "OrganizationAccountAccessRole", "AWSReservedSSO_AdministratorAccess_" + random.HexString(16),
            "pinpoint-campaign-manager", "github-actions-deploy", "ReadOnly",
        ];
        RoleIds = Roles.Select(_ => "AROA" + random.UpperString(17)).ToArray();
        Addresses = Enumerable.Range(0, 5).Select(_ => $"{random.Pick([3, 18, 34, 52, 54])}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}")
            .Append("198.51.100." + random.Next(1, 255)).ToArray();
    }

    public string Id { get; }

    public IReadOnlyList<string> Users { get; }

    public IReadOnlyList<string> UserIds { get; }

    public IReadOnlyList<string> Roles { get; }

    public IReadOnlyList<string> RoleIds { get; }

    public IReadOnlyList<string> Addresses { get; }
}
