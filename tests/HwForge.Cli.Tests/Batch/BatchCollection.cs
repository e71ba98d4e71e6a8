namespace HwForge.Cli.Tests.Batch;

/// <summary>Batch tests each run several design processes; run them one class at a time so two cores suffice.</summary>
[CollectionDefinition(Name)]
public sealed class BatchCollection
{
    public const string Name = "batch";
}
