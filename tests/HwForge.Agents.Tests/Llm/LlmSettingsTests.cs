using HwForge.Agents.Llm;
using HwForge.Tools.Foundation;

namespace HwForge.Agents.Tests.Llm;

public sealed class LlmSettingsTests : IDisposable
{
    private readonly HwForgeHome _home = new(Directory.CreateTempSubdirectory("hwforge-llm-settings-").FullName);
    private readonly Dictionary<string, string> _environment = [];

    public void Dispose() => Directory.Delete(_home.Root, recursive: true);

    private LlmSettings Resolve(string? endpoint = null, string? model = null) =>
        LlmSettings.Resolve(endpoint, model, name => _environment.GetValueOrDefault(name), _home);

    private void WriteConfig(string json) => File.WriteAllText(Path.Combine(_home.Root, "config.json"), json);

    [Fact]
    public void With_nothing_configured_HwForge_says_so_and_how_to_fix_it()
    {
        var settings = Resolve();

        Assert.False(settings.IsConfigured);
        var error = Assert.Throws<LlmConfigurationException>(() => settings.RequireConfigured());
        Assert.Contains(LlmSetupAdvice.Where, error.Message);
        Assert.DoesNotContain("--llm-endpoint", error.Message); // a library names no front end's flags; the CLI adds its own
        Assert.Throws<LlmConfigurationException>(() => new OpenAiCompatibleChatClient(settings));
    }

    [Fact]
    public void The_config_file_configures_everything()
    {
        WriteConfig("""
            { "llm": { "endpoint": "http://localhost:11434/v1", "model": "qwen2.5-coder:7b", "apiKey": "file-key", "timeoutSeconds": 42, "maxRetries": 1 } }
            """);

        var settings = Resolve();

        Assert.True(settings.IsConfigured);
        Assert.Equal(new Uri("http://localhost:11434/v1"), settings.Endpoint);
        Assert.Equal(("qwen2.5-coder:7b", "file-key", 1), (settings.Model, settings.ApiKey, settings.MaxRetries));
        Assert.Equal(TimeSpan.FromSeconds(42), settings.Timeout);
        Assert.Equal(Path.Combine(_home.Root, "config.json"), settings.EndpointSource);
    }

    [Fact]
    public void The_environment_overrides_the_config_file_and_a_flag_overrides_both()
    {
        WriteConfig("""{ "llm": { "endpoint": "http://file.test/v1", "model": "file-model" } }""");
        _environment[LlmSettings.EndpointVariable] = "http://env.test/v1";
        _environment[LlmSettings.ModelVariable] = "env-model";

        var fromEnvironment = Resolve();
        Assert.Equal(("http://env.test/v1", "env-model", LlmSettings.EndpointVariable),
            (fromEnvironment.Endpoint!.ToString(), fromEnvironment.Model, fromEnvironment.EndpointSource));

        var fromFlags = Resolve("http://flag.test/v1", "flag-model");
        Assert.Equal(("http://flag.test/v1", "flag-model", LlmSettings.EndpointOptionName),
            (fromFlags.Endpoint!.ToString(), fromFlags.Model, fromFlags.EndpointSource));

        var mixed = Resolve(model: "flag-model");
        Assert.Equal(("http://env.test/v1", "flag-model"), (mixed.Endpoint!.ToString(), mixed.Model));
    }

    [Fact]
    public void The_config_files_key_is_not_sent_to_an_endpoint_named_elsewhere()
    {
        WriteConfig("""{ "llm": { "endpoint": "https://api.example.test/v1", "model": "gpt", "apiKey": "file-key" } }""");

        Assert.Equal("file-key", Resolve().ApiKey);
        Assert.Equal("file-key", Resolve("https://api.example.test/v1/").ApiKey); // the same endpoint, however written
        var elsewhere = Resolve("http://127.0.0.1:8080/v1");
        Assert.Null(elsewhere.ApiKey);
        Assert.Contains("No API key is sent to http://127.0.0.1:8080/v1", elsewhere.KeyWithheld);
        Assert.Contains("is for https://api.example.test/v1", elsewhere.KeyWithheld);
        Assert.DoesNotContain("file-key", elsewhere.KeyWithheld);

        // The environment's key, with no endpoint variable, is OpenAI's: neither the file's endpoint nor the flag's gets it.
        _environment[LlmSettings.ApiKeyVariable] = "env-key";
        Assert.Null(Resolve("http://127.0.0.1:8080/v1").ApiKey);
        Assert.Equal("file-key", Resolve().ApiKey);
        Assert.Equal("env-key", Resolve("https://api.openai.com/v1").ApiKey);
    }

    [Fact]
    public void An_endpoint_without_a_model_is_a_clear_error()
    {
        _environment[LlmSettings.EndpointVariable] = "http://localhost:8000/v1";

        var error = Assert.Throws<LlmConfigurationException>(() => Resolve());

        Assert.Contains("no model", error.Message);
        Assert.Contains(LlmSettings.ModelVariable, error.Message);
    }

    [Fact]
    public void A_model_without_an_endpoint_is_a_clear_error()
    {
        var error = Assert.Throws<LlmConfigurationException>(() => Resolve(model: "llama3"));

        Assert.Contains("no endpoint", error.Message);
        Assert.Contains(LlmSettings.EndpointVariable, error.Message);
    }

    [Fact]
    public void An_endpoint_that_is_not_an_http_url_is_a_clear_error()
    {
        var error = Assert.Throws<LlmConfigurationException>(() => Resolve("localhost:11434", "m"));

        Assert.Contains("'localhost:11434'", error.Message);
        Assert.Contains(LlmSettings.EndpointOptionName, error.Message); // where the value came from
    }

    [Fact]
    public void A_broken_config_file_is_named_without_echoing_its_contents()
    {
        WriteConfig("""{ "llm": { "apiKey": "sk-in-a-broken-file", "endpoint": """);

        var error = Assert.Throws<LlmConfigurationException>(() => Resolve());

        Assert.Contains(Path.Combine(_home.Root, "config.json"), error.Message);
        Assert.DoesNotContain("sk-in-a-broken-file", error.Message);

        // The JSON parser's own message quotes the character it stopped at ("'q' is an invalid start of a value").
        WriteConfig("{ \"llm\": {\n  \"apiKey\": qk-unquoted-key } }");
        var unquoted = Assert.Throws<LlmConfigurationException>(() => Resolve());
        Assert.Contains("not valid JSON at line 2", unquoted.Message);
        Assert.DoesNotContain("'q'", unquoted.Message);
        Assert.DoesNotContain("qk-unquoted-key", unquoted.Message);
    }

    [Fact]
    public void Config_files_without_an_llm_section_leave_the_llm_unconfigured()
    {
        WriteConfig("""{ "somethingElse": { "x": 1 } }""");

        Assert.False(Resolve().IsConfigured);
    }

    [Fact]
    public void A_non_positive_timeout_in_the_config_file_is_a_clear_error()
    {
        WriteConfig("""{ "llm": { "endpoint": "http://localhost:11434/v1", "model": "m", "timeoutSeconds": 0 } }""");

        var error = Assert.Throws<LlmConfigurationException>(() => Resolve());

        Assert.Contains("timeoutSeconds", error.Message);
    }
}
