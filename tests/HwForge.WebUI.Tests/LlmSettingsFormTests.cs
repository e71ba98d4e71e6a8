using HwForge.Agents.Llm;
using HwForge.Tools.Foundation;
using HwForge.WebUI.Settings;

namespace HwForge.WebUI.Tests;

/// <summary>The settings page's form: every problem at once, and a key only ever going to the endpoint it was given for.</summary>
public sealed class LlmSettingsFormTests
{
    private static readonly LlmSettings Keyed = new() { Endpoint = new Uri("https://llm.example/v1"), Model = "big", ApiKey = "sk-old" };

    [Fact]
    public void Every_problem_of_the_form_is_said_at_once()
    {
        var (settings, problems) = LlmSettingsForm.Apply(new LlmSettings(), new LlmFormInput("ftp://x", "", "two words", ForgetKey: true));

        Assert.Null(settings);
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("not an http(s) URL"));
        Assert.Contains(problems, p => p.Contains("Name the model"));
        Assert.Contains(problems, p => p.Contains("without spaces"));
        Assert.Contains(problems, p => p.Contains("not both"));
    }

    [Fact]
    public void A_password_in_the_endpoint_is_refused_and_never_repeated()
    {
        var (settings, problems) = LlmSettingsForm.Apply(new LlmSettings(), new LlmFormInput("http://me:hunter2@localhost:11434/v1", "m", null, false));

        Assert.Null(settings);
        Assert.Contains("user name or password", Assert.Single(problems));
        Assert.DoesNotContain("hunter2", problems[0]);
    }

    [Fact]
    public void A_key_typed_in_the_form_belongs_to_the_forms_endpoint()
    {
        var (settings, _) = LlmSettingsForm.Apply(Keyed, new LlmFormInput("http://localhost:11434/v1", "qwen", "sk-new", false));

        Assert.Equal("sk-new", settings!.KeyForEndpoint);
        Assert.Equal(LlmSettingsForm.Source, settings.EndpointSource);
    }

    [Fact]
    public void Pointing_the_server_elsewhere_without_a_new_key_keeps_the_old_key_from_going_there()
    {
        var (moved, _) = LlmSettingsForm.Apply(Keyed, new LlmFormInput("http://elsewhere.example/v1", "big", "", false));
        Assert.Null(moved!.KeyForEndpoint);
        Assert.Contains("is never shown", LlmSettingsForm.KeyStatus(Keyed));
        Assert.Contains("No API key is sent to http://elsewhere.example/v1", LlmSettingsForm.KeyStatus(moved));
        Assert.DoesNotContain("sk-old", LlmSettingsForm.KeyStatus(moved));

        // Back to the key's own endpoint, with only the model changed: the key goes there again.
        var (back, _) = LlmSettingsForm.Apply(moved, new LlmFormInput("https://llm.example/v1/", "bigger", null, false));
        Assert.Equal("sk-old", back!.KeyForEndpoint);
        Assert.Equal("bigger", back.Model);
    }

    [Fact]
    public void Forgetting_the_key_leaves_none()
    {
        var (settings, _) = LlmSettingsForm.Apply(Keyed, new LlmFormInput("https://llm.example/v1", "big", null, ForgetKey: true));
        Assert.Null(settings!.ApiKey);
        Assert.StartsWith("No API key is set", LlmSettingsForm.KeyStatus(settings));
    }

    [Fact]
    public void Saving_writes_the_llm_section_the_resolver_reads_keeps_the_rest_and_drops_a_key_left_beside_another_endpoint()
    {
        var home = new HwForgeHome(Directory.CreateTempSubdirectory("hwforge-llm-config-").FullName);
        try
        {
            var path = LlmConfigFile.PathIn(home);
            File.WriteAllText(path, """{ "other": { "kept": true }, "llm": { "endpoint": "https://llm.example/v1", "model": "big", "apiKey": "sk-file", "maxRetries": 5 } }""");
            Func<string, string?> noEnvironment = _ => null;

            // A new model on the same endpoint: the file's key stays, as do the other settings.
            Assert.True(LlmConfigFile.Save(home, new Uri("https://llm.example/v1"), "bigger", null, forgetKey: false));
            var same = LlmSettings.Resolve(environment: noEnvironment, home: home);
            Assert.Equal(("bigger", "sk-file", 5), (same.Model, same.KeyForEndpoint, same.MaxRetries));
            Assert.Contains("\"kept\": true", File.ReadAllText(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));

            // Another endpoint and no key: the old key would go there if it stayed in the file, so it is gone.
            Assert.False(LlmConfigFile.Save(home, new Uri("http://localhost:11434/v1"), "qwen", null, forgetKey: false));
            var moved = LlmSettings.Resolve(environment: noEnvironment, home: home);
            Assert.Equal((new Uri("http://localhost:11434/v1"), "qwen"), (moved.Endpoint, moved.Model));
            Assert.Null(moved.ApiKey);
            Assert.DoesNotContain("sk-file", File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(home.Root, recursive: true);
        }
    }
}
