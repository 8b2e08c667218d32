using System.Text;

namespace SalesGlossary.Domain.Extensions.Tests;

public sealed class SalesGlossaryDocumentsTests
{
    [Fact]
    public async Task LoadScoringModelAsync_ReadsAStream_AndLeavesItOpen()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(TestFiles.Model("streamed")));

        var model = await SalesGlossaryDocuments.LoadScoringModelAsync(stream);

        Assert.Equal("streamed", model.Version);
        Assert.True(stream.CanRead);
        Assert.Equal(LeadScoringModel.LoadSample().Score(TestFiles.Lead("L-1"), Harness.Start).Total, model.Score(TestFiles.Lead("L-1"), Harness.Start).Total);
    }

    [Fact]
    public async Task LoadScoringModelAsync_StopsReadingAtTheLimit()
    {
        using var endless = new EndlessStream();

        var error = await Assert.ThrowsAsync<DefinitionValidationException>(() => SalesGlossaryDocuments.LoadScoringModelAsync(endless, new ScoringLimits { MaxDocumentLength = 50_000 }));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$", problem.Path);
        Assert.Contains("50000 characters", problem.Message, StringComparison.Ordinal);
        Assert.True(endless.Position < 200_000);
    }

    [Fact]
    public async Task LoadScoringModelAsync_RefusesInvalidUtf8()
    {
        using var stream = new MemoryStream([0x7B, 0xC3, 0x28, 0x7D]);

        var error = await Assert.ThrowsAsync<DefinitionValidationException>(() => SalesGlossaryDocuments.LoadScoringModelAsync(stream));

        Assert.Contains("not valid UTF-8", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAgreementAsync_JoinsTheModelStreams()
    {
        using var agreement = new MemoryStream(Encoding.UTF8.GetBytes(ServiceLevelAgreement.DefaultJson));
        using var model = new MemoryStream(Encoding.UTF8.GetBytes(TestFiles.Model("joined")));

        var loaded = await SalesGlossaryDocuments.LoadAgreementAsync(agreement, new Dictionary<string, Stream> { ["sample-lead-scoring"] = model });

        Assert.Equal("joined", loaded.GetLeadType("new-prospect").ScoringModel.Version);
    }

    [Fact]
    public async Task LoadAgreementAsync_Cancelled_Throws()
    {
        using var agreement = new MemoryStream(Encoding.UTF8.GetBytes(ServiceLevelAgreement.DefaultJson));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SalesGlossaryDocuments.LoadAgreementAsync(agreement, null, cancelled.Token));
    }

    /// <summary>A stream of spaces that never ends, as a hostile upload might be.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            Position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
