using Markdig.Syntax;

namespace Handbook.Markdown.Tabs;

/// <summary>
/// After parsing, puts each run of consecutive MkDocs tabs (and any Docusaurus <c>&lt;TabItem&gt;</c> written outside
/// <c>&lt;Tabs&gt;</c>) into one <see cref="TabSetBlock"/>, as pymdownx.tabbed does; <c>===!</c> starts a new set.
/// </summary>
public static class TabSetGrouper
{
    public static void Group(MarkdownDocument document)
    {
        foreach (var container in document.Descendants<ContainerBlock>().Prepend(document).ToList())
        {
            if (container is TabSetBlock)
            {
                continue;
            }

            for (var i = 0; i < container.Count; i++)
            {
                if (container[i] is not TabBlock first)
                {
                    continue;
                }

                var set = new TabSetBlock(null) { Line = first.Line, Column = first.Column, Span = first.Span };
                var end = i + 1;
                while (end < container.Count && container[end] is TabBlock { StartsNewSet: false })
                {
                    end++;
                }

                var tabs = new List<Block>();
                for (var j = i; j < end; j++)
                {
                    tabs.Add(container[j]);
                }

                for (var j = end - 1; j >= i; j--)
                {
                    container.RemoveAt(j);
                }

                foreach (var tab in tabs)
                {
                    set.Add(tab);
                }

                container.Insert(i, set);
            }
        }
    }
}
