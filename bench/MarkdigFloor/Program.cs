using Markdig;

// markdig-floor PROJECT OUT: every .md under PROJECT/content becomes OUT/<same path>.html, Markdig with the pipe tables and front
// matter a guide uses, on every core: what converting the pages costs with nothing else (no navigation, templates, checks).
if (args is not [var project, var output])
{
    Console.Error.WriteLine("usage: markdig-floor PROJECT OUT");
    return 2;
}

var content = Path.Combine(project, "content");
var pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseYamlFrontMatter().Build();
if (Directory.Exists(output))
{
    Directory.Delete(output, recursive: true);
}

var pages = Directory.EnumerateFiles(content, "*.md", SearchOption.AllDirectories).ToList();
Parallel.ForEach(pages, page =>
{
    var html = Markdown.ToHtml(File.ReadAllText(page), pipeline);
    var target = Path.Combine(output, Path.ChangeExtension(Path.GetRelativePath(content, page), ".html"));
    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
    File.WriteAllText(target, "<!doctype html><meta charset=utf-8><title>page</title>" + html);
});
return 0;
