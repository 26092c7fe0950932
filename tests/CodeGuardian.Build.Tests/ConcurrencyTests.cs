using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CodeGuardian.Build.IO;
using CodeGuardian.Build.Output;

namespace CodeGuardian.Build.Tests;

public class ConcurrencyTests
{
    [Fact]
    public async Task Parallel_tasks_writing_one_folder_leave_whole_files()
    {
        using var repository = new TestRepository();
        var output = repository.Output("shared");
        var logs = new[] { repository.Log("App.net10.0.sarif"), repository.Log("App.netstandard2.0.sarif") };
        using var stop = new CancellationTokenSource();
        var torn = 0;

        // A reader keeps parsing the files while writers replace them.
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var file in new[] { SarifReport.FileName, MetricsReport.FileName, HealthReport.FileName })
                {
                    var path = Path.Combine(output, file);
                    try
                    {
                        using var document = JsonDocument.Parse(File.ReadAllText(path));
                    }
                    catch (FileNotFoundException)
                    {
                    }
                    catch (DirectoryNotFoundException)
                    {
                    }
                    catch (JsonException)
                    {
                        Interlocked.Increment(ref torn);
                    }
                }
            }
        });

        Parallel.For(0, 12, new ParallelOptions { MaxDegreeOfParallelism = 6 }, i =>
        {
            if (i % 3 == 2)
            {
                var merge = new CodeGuardianMergeReports { OutputDirectory = output, Context = new ReportContext(_ => null) };
                Assert.True(merge.Run(new RecordingLog()));
                return;
            }

            var task = repository.Task(output, logs[i % 2]);
            task.TargetFramework = i % 2 == 0 ? "net10.0" : "netstandard2.0";
            task.PublishDirectory = output;
            var log = new RecordingLog();
            Assert.True(task.Run(log));
            Assert.DoesNotContain(log.Warnings, warning => warning.Code == "CGB103");
        });
        stop.Cancel();
        await reader;

        Assert.Equal(0, torn);
        foreach (var file in new[] { SarifReport.FileName, MetricsReport.FileName, HealthReport.FileName, GitLabReport.FileName })
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, file)));
        }

        Assert.EndsWith("# EOF\n", File.ReadAllText(Path.Combine(output, OpenMetricsReport.FileName)), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(output, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Atomic_writes_from_many_threads_end_with_one_whole_version()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cg-atomic-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(directory, "file.json");
            Parallel.For(0, 64, i => AtomicFile.WriteAllText(path, "{\"writer\":" + i + ",\"padding\":\"" + new string('x', 10000 + i) + "\"}"));

            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var writer = document.RootElement.GetProperty("writer").GetInt32();
            Assert.Equal(10000 + writer, document.RootElement.GetProperty("padding").GetString()!.Length);
            Assert.Single(Directory.GetFiles(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Folder_lock_excludes_a_second_holder_until_released()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cg-lock-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var first = FolderLock.Acquire(directory, TimeSpan.FromSeconds(1)))
            {
                Assert.NotNull(first);
                Assert.Null(FolderLock.Acquire(directory, TimeSpan.FromMilliseconds(100)));
            }

            using var again = FolderLock.Acquire(directory, TimeSpan.FromSeconds(1));
            Assert.NotNull(again);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
