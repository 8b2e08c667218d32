namespace SalesGlossary.Domain;

/// <summary>A CRM whose codes the agreement maps its terms to and from.</summary>
public enum Crm
{
    /// <summary>HubSpot: internal property values such as <c>marketingqualifiedlead</c> or <c>ATTEMPTED_TO_CONTACT</c>.</summary>
    HubSpot = 0,

    /// <summary>Salesforce: picklist values such as <c>Working - Contacted</c> (Lead Status) or <c>Closed Won</c> (Opportunity Stage).</summary>
    Salesforce = 1,
}
