using System.Text.Json;

namespace SalesGlossary.Domain;

internal sealed record CommitmentsDocument(MarketingCommitmentDocument? Marketing, JsonElement? Sales);
