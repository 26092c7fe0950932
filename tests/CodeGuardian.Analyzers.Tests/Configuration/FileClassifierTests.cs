using CodeGuardian.Analyzers.Configuration;

namespace CodeGuardian.Analyzers.Tests.Configuration;

public class FileClassifierTests
{
    [Theory]
    // No project directory: the whole path.
    [InlineData("/repo/src/app.py", null, "/repo/src/app.py")]
    [InlineData("/repo/src/app.py", "", "/repo/src/app.py")]
    // Below the project directory, with or without its trailing separator, in either separator and any case.
    [InlineData("/repo/src/app.py", "/repo/", "src/app.py")]
    [InlineData("/repo/src/app.py", "/repo", "src/app.py")]
    [InlineData(@"C:\work\Repo\src\app.py", @"C:\work\repo\", @"src\app.py")]
    [InlineData(@"C:\work\repo\src\app.py", "C:/work/repo", @"src\app.py")]
    [InlineData("/", "/", "")]
    [InlineData("/x.py", "/", "x.py")]
    // Not below it: a sibling whose name starts the same, the directory itself, another tree.
    [InlineData("/repo-old/src/app.py", "/repo", "/repo-old/src/app.py")]
    [InlineData("/repo", "/repo/", "/repo")]
    [InlineData("/other/app.py", "/repo/", "/other/app.py")]
    public void RelativeTo_slices_the_path_below_the_project_directory(string path, string? projectDirectory, string expected)
    {
        Assert.Equal(expected, FileClassifier.RelativeTo(path, projectDirectory).ToString());
    }

    [Theory]
    [InlineData("node_modules/left-pad/index.js", true)]
    [InlineData(@"web\node_modules\left-pad\index.js", true)]
    [InlineData(@"C:bin\tool.py", true)]
    [InlineData("src/Bin/run.py", true)]
    [InlineData("src/binary/run.py", false)]
    [InlineData("src/cabin/run.py", false)]
    [InlineData("src/bin", false)]
    [InlineData("src/app.min.js", true)]
    [InlineData(@"src\proto\user_pb2.py", true)]
    [InlineData("src/app.js", false)]
    public void IsGeneratedOrVendored_by_whole_folder_names_and_file_suffixes(string path, bool expected)
    {
        Assert.Equal(expected, FileClassifier.IsGeneratedOrVendored(path));
    }

    [Theory]
    [InlineData("tests/test_api.py", true)]
    [InlineData(@"src\__tests__\app.js", true)]
    [InlineData("src/app.spec.ts", true)]
    [InlineData("src/conftest.py", true)]
    [InlineData("src/latest/app.py", false)]
    [InlineData("src/contest.py", false)]
    [InlineData("src/test", false)]
    public void IsTestFile_by_whole_folder_names_and_file_names(string path, bool expected)
    {
        Assert.Equal(expected, FileClassifier.IsTestFile(path));
    }

    [Theory]
    [InlineData("/a/b/c.rs", "c.rs")]
    [InlineData(@"C:\a\b\c.rs", "c.rs")]
    [InlineData("c.rs", "c.rs")]
    [InlineData("/a/b/", "")]
    public void FileName_is_the_last_segment_after_either_separator(string path, string expected)
    {
        Assert.Equal(expected, FileClassifier.FileName(path).ToString());
    }
}
