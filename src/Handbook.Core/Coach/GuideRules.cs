namespace Handbook.Coach;

/// <summary>The guide's own words each rule applies, quoted in its messages so a warning explains itself.</summary>
public static class GuideRules
{
    public const string Situation = "\"Situation — one sentence of context\"";
    public const string Task = "\"Task — what you specifically owned\"";
    public const string Action = "\"Action — the 2-4 concrete things you did\"";
    public const string Result = "\"Result — an explicit outcome, ideally a number\"";
    public const string Numbers = "\"Use specific numbers from your own work\"";
    public const string FirstPerson = "\"Use first person for your contribution\"";
    public const string WeAntiPattern = "avoid \"using 'we' so much that your role disappears\"";
    public const string Length = "\"Keep answers to 2-3 minutes max\"";
    public const string Lesson = "\"End with a lesson or changed operating rule\"";
    public const string FillTemplate = "\"Fill the template for each archetype\": replace the bracketed prompts with your specifics";
    public const string OneStoryPerArchetype = "\"Prepare one real story per archetype\"";
}
