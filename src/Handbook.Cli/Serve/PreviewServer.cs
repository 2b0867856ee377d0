using System.Net;
using System.Text;
using Handbook.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Handbook.Cli.Serve;

/// <summary>
/// <c>handbook serve</c>: Kestrel serving the in-memory site, a watcher rebuilding it on every edit, and server-sent events
/// telling open tabs to reload (or showing them the errors). Everything a build prints goes to <c>log</c>, one line per rebuild.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly WebApplication _app;
    private readonly ProjectWatcher _watcher;
    private readonly CancellationTokenSource _stopping = new();
    private readonly DiagnosticsOverlay _overlay = new();
    private readonly TextWriter _log;
    private readonly Action<IReadOnlyList<Diagnostic>>? _print;
    private Task _rebuilding = Task.CompletedTask;

    private readonly IList<Microsoft.Extensions.Primitives.StringSegment> _allowedHosts;
    private readonly byte[] _wrongHost;

    private PreviewServer(WebApplication app, PreviewSite site, ProjectWatcher watcher, TextWriter log, Action<IReadOnlyList<Diagnostic>>? print, IReadOnlyList<string> allowedHosts)
    {
        _app = app;
        _allowedHosts = allowedHosts.Select(h => new Microsoft.Extensions.Primitives.StringSegment(h)).ToList();
        _wrongHost = Encoding.UTF8.GetBytes($"handbook serve answers only requests for {string.Join(", ", allowedHosts)}; open the preview at one of those names.\n");
        Site = site;
        _watcher = watcher;
        _log = log;
        _print = print;
    }

    public PreviewSite Site { get; }

    public LiveReloadHub Events { get; } = new();

    /// <summary>The address actually bound (with port 0, the free port the system chose), ending in '/'.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Builds once, starts listening, and starts watching. <paramref name="print"/> receives each build's diagnostics.</summary>
    public static async Task<PreviewServer> StartAsync(PreviewOptions options, TextWriter log, Action<IReadOnlyList<Diagnostic>>? print = null, CancellationToken cancel = default)
    {
        // A build renders on one thread per core (see PreviewSite); requests get threads of their own beyond those, at once.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, (2 * Environment.ProcessorCount) + 4), io);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseUrls(ListenUrl(options.Host, options.Port));
        var app = builder.Build();

        // The preview never writes site/, but a build killed mid-swap may have left it moved aside: put it back now, not at the next build.
        Handbook.Write.SiteWriter.Recover(options.Project, Path.Combine(options.Project, "site"));
        var site = new PreviewSite(options.Project, options.IncludePrivate, options.Audience);
        var server = new PreviewServer(app, site, new ProjectWatcher(site.Project, () => site.ContentDir), log, print, AllowedHosts(options.Host));
        server.Report(site.Rebuild([])!);
        app.Run(server.ServeAsync);
        await app.StartAsync(cancel);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the web server reported no address");
        server.Url = new Uri(address.TrimEnd('/') + "/");
        server._rebuilding = Task.Run(() => server.WatchAsync(server._stopping.Token));
        return server;
    }

    private static string ListenUrl(string host, int port)
    {
        var shown = host.Contains(':') && !host.StartsWith('[') ? $"[{host}]" : host;
        return $"http://{shown}:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>
    /// The Host header names a request may carry (port ignored), so a web page on another name that a DNS rebinding points at this
    /// machine cannot read the preview (private stories included): on loopback, the loopback names; bound to one address or name,
    /// that one; bound to every address (<c>0.0.0.0</c>, <c>::</c>, <c>*</c>), the loopback names, this machine's name and its addresses.
    /// </summary>
    public static IReadOnlyList<string> AllowedHosts(string host)
    {
        if (IsLoopback(host))
        {
            var shown = HostName(host);
            return LoopbackNames.Contains(shown, StringComparer.OrdinalIgnoreCase) ? LoopbackNames : [.. LoopbackNames, shown];
        }

        if (!IsEveryAddress(host))
        {
            return [HostName(host)];
        }

        var names = new List<string>(LoopbackNames) { Dns.GetHostName() };
        try
        {
            foreach (var network in System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces())
            {
                names.AddRange(network.GetIPProperties().UnicastAddresses.Select(a => HostName(new IPAddress(a.Address.GetAddressBytes()).ToString())));
            }
        }
        catch (System.Net.NetworkInformation.NetworkInformationException)
        {
            // Without the interface list, only loopback and the machine's name are allowed.
        }

        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static bool IsEveryAddress(string host) =>
        host is "*" or "+" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)));

    /// <summary>An address as a Host header writes it: IPv6 in brackets.</summary>
    private static string HostName(string host) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? "[" + address + "]"
            : host;

    public static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>
    /// Rebuilds after every batch of changes. A batch that comes while a build runs cancels it (its pages are out of date already,
    /// and the slow ones, like print, would hold the new edit back) and starts one for everything changed since the last build.
    /// </summary>
    private async Task WatchAsync(CancellationToken stopping)
    {
        var pending = new SortedSet<string>(StringComparer.Ordinal);
        Task<IReadOnlyCollection<string>>? changes = null;
        (Task<RebuildReport?> Task, IReadOnlyCollection<string> Changed, CancellationTokenSource Superseded)? build = null;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                changes ??= _watcher.NextAsync(stopping);
                if (build is { } running && await Task.WhenAny(changes, running.Task) == running.Task)
                {
                    build = null;
                    running.Superseded.Dispose();
                    Finished(running.Task, running.Changed, pending);
                    continue;
                }

                IReadOnlyCollection<string> changed;
                try
                {
                    changed = await changes;
                }
                catch (Exception ex) when (ex is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
                {
                    return;
                }

                changes = null;
                pending.UnionWith(changed);
                if (build is { } superseded)
                {
                    // Not waited for: it stops after the page it is rendering (print can take a while), and its changes stay pending.
                    await superseded.Superseded.CancelAsync();
                    _ = superseded.Task.ContinueWith(t => { _ = t.Exception; superseded.Superseded.Dispose(); }, TaskScheduler.Default);
                }

                var snapshot = pending.ToList();
                var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                build = (Task.Run(() => Site.Rebuild(snapshot, cancel.Token), CancellationToken.None), snapshot, cancel);
            }
        }
        finally
        {
            if (build is { } last)
            {
                await last.Superseded.CancelAsync();
                await ((Task)last.Task).ContinueWith(_ => { }, TaskScheduler.Default);
                last.Superseded.Dispose();
            }

            Site.StopWaiting();
        }
    }

    /// <summary>Reports a build that ended: published, failed, or (null) cancelled, whose changes stay pending for the next one.</summary>
    private void Finished(Task<RebuildReport?> build, IReadOnlyCollection<string> changed, SortedSet<string> pending)
    {
        RebuildReport? report;
        try
        {
            report = build.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file vanished or was locked mid-save: the next event rebuilds again.
            _log.WriteLine($"handbook: {ex.Message}");
            return;
        }

        if (report is null)
        {
            return;
        }

        pending.ExceptWith(changed);
        Report(report);
        if (Site.State.HasErrors)
        {
            Events.Publish("diagnostics", _overlay.Payload(Site.State.Errors));
        }
        else
        {
            Events.Publish("reload", Site.State.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private readonly DiagnosticsDelta _delta = new();

    private void Report(RebuildReport report)
    {
        // Only what this save changed: new findings (a few in full), and the warning count on the build's own line.
        var diagnostics = _delta.Next(report.Result.Diagnostics);
        if (diagnostics.Listed.Count > 0)
        {
            _print?.Invoke(diagnostics.Listed);
        }

        _log.WriteLine(diagnostics.Summary is null ? report.Summary : $"{report.Summary}; {diagnostics.Summary}");
    }

    private async Task ServeAsync(HttpContext context)
    {
        // ASP.NET Core's own host matching (what HostFilteringMiddleware uses), answered with 403 and a hint rather than its bare 400.
        var host = context.Request.Host;
        if (!host.HasValue || !HostString.MatchesAny(host.Value, _allowedHosts))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.ContentLength = _wrongHost.Length;
            await context.Response.Body.WriteAsync(_wrongHost, context.RequestAborted);
            return;
        }

        if (context.Request.Path.Equals(LiveReloadHub.Path, StringComparison.Ordinal))
        {
            await Events.Stream(context, _stopping.Token);
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var path = (context.Request.Path.Value ?? "/").TrimStart('/');
        if (path.Length == 0 || path.EndsWith('/'))
        {
            path += "index.html";
        }

        // During a build any page may be about to change: serve it as this build renders it, not as the last one did.
        if (Site.Running is { } running && await running.PageAsync(path, context.RequestAborted) is { } fresh)
        {
            await Send(context, StatusCodes.Status200OK, "text/html; charset=utf-8", fresh);
            return;
        }

        var state = Site.State;
        var status = StatusCodes.Status200OK;
        if (!state.Files.TryGetValue(path, out var bytes) && state.Files.ContainsKey(path + "/index.html"))
        {
            context.Response.Redirect("/" + path + "/");
            return;
        }

        if (bytes is null)
        {
            status = StatusCodes.Status404NotFound;
            path = "404.html";
            bytes = state.Files.GetValueOrDefault(path);
        }

        if (bytes is null)
        {
            // No good build yet (the first one failed): a bare page that shows the errors.
            path = "404.html";
            bytes = Encoding.UTF8.GetBytes("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Handbook</title></head><body><p>Nothing to show yet.</p></body></html>\n");
        }

        var type = ContentTypes.TryGetContentType(path, out var known) ? known : "application/octet-stream";
        if (type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "image/svg+xml" or "application/xml")
        {
            type += "; charset=utf-8";
        }

        if (state.HasErrors && path.EndsWith(".html", StringComparison.Ordinal))
        {
            bytes = Encoding.UTF8.GetBytes(DiagnosticsOverlay.Inject(Encoding.UTF8.GetString(bytes), _overlay.Html(state.Errors)));
        }

        await Send(context, status, type, bytes);
    }

    private static async Task Send(HttpContext context, int status, string type, byte[] bytes)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentLength = bytes.Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _watcher.Dispose();
        try
        {
            await _rebuilding;
        }
        catch (OperationCanceledException)
        {
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
