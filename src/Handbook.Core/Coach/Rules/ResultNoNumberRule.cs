using Handbook.Diagnostics;
using Handbook.Text;

namespace Handbook.Coach.Rules;

/// <summary><c>result-no-number</c> (warning): the result states no number, percentage, multiple or duration.</summary>
public sealed class ResultNoNumberRule : IStoryRule
{
    public string Code => "result-no-number";

    public IEnumerable<Diagnostic> Check(StoryCheck story)
    {
        var result = story.Result;
        if (result.IsEmpty || result.IsPlaceholderOnly || Measures.Any(result.Text.Value))
        {
            yield break;
        }

        yield return StoryCheck.Warning(result.Text.Location, Code, $"the result states no measured outcome (a number, percentage, multiple or duration); {GuideRules.Result}. {GuideRules.Numbers}");
    }
}
