using Handbook.Markdown;
using Markdig.Syntax;

namespace Handbook.Guide;

/// <summary>The <c>- Label: text</c> bullets of a section (<c>Probes:</c>, <c>Story shape:</c>, <c>Template:</c>).</summary>
public static class LabelledBullets
{
    public sealed record Bullet(string Label, string Text, ListItemBlock Item);

    public static IReadOnlyList<Bullet> Read(IEnumerable<Block> blocks)
    {
        var bullets = new List<Bullet>();
        foreach (var list in blocks.OfType<ListBlock>())
        {
            foreach (var item in list.OfType<ListItemBlock>())
            {
                var text = item.FirstOrDefault() is ParagraphBlock paragraph ? InlineText.Of(paragraph) : "";
                var colon = text.IndexOf(':');
                if (colon > 0 && colon <= 40)
                {
                    bullets.Add(new Bullet(text[..colon].Trim(), text[(colon + 1)..].Trim(), item));
                }
            }
        }

        return bullets;
    }

    public static Bullet? Find(IReadOnlyList<Bullet> bullets, string label) =>
        bullets.FirstOrDefault(b => string.Equals(b.Label, label, StringComparison.OrdinalIgnoreCase));
}
