using System.Text;

namespace EntityResolver.Tests.Registry;

public sealed class EntityRegistryTests
{
    private static EntityRegistry LoadText(string jsonl, string source = "test.jsonl") =>
        EntityRegistry.Load(new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), source);

    [Fact]
    public void The_embedded_default_registry_holds_the_seed_entities()
    {
        EntityRegistry registry = EntityRegistry.Default;
        Assert.True(registry.Count >= 30);
        Assert.True(registry.TryGetEntity("person:khalifa-haftar", out Entity? father));
        Assert.Contains(father!.Relations, r => r.Type == "parent_of" && r.Target == "person:saddam-haftar");
    }

    [Fact]
    public void Names_may_be_strings_or_objects_and_other_fields_are_kept()
    {
        EntityRegistry registry = LoadText("""
            {"id": "p:1", "type": "person", "names": ["Khalifa Haftar", {"text": "خليفة حفتر", "lang": "ar", "kind": "alias"}], "attributes": {"country": "LY"}, "description": "x"}
            {"id": "l:1", "type": "location", "names": ["Benghazi"]}
            """);

        Assert.True(registry.TryGetEntity("p:1", out Entity? e));
        Assert.Equal("ar", e!.Names[1].Lang);
        Assert.Equal("alias", e.Names[1].Kind);
        Assert.Equal("LY", e.Attributes["country"].GetString());
        Assert.Equal("x", e.Attributes["description"].GetString());
        Assert.True(registry.TryGetEntity("l:1", out Entity? location));
        Assert.Equal("location", location!.Type);
    }

    [Theory]
    [InlineData("{\"id\": \"a\", \"names\": [\"A\"]}\n{not json}\n", 2, null)]
    [InlineData("{\"names\": [\"A\"]}\n", 1, "id")]
    [InlineData("{\"id\": \"a\"}\n", 1, "names")]
    [InlineData("{\"id\": \"a\", \"names\": []}\n", 1, "names")]
    [InlineData("{\"id\": \"a\", \"names\": [\"A\", {\"lang\": \"ar\"}]}\n", 1, "names[1].text")]
    [InlineData("{\"id\": \"a\", \"names\": [\"  \"]}\n", 1, "names[0]")]
    [InlineData("{\"id\": \"a\", \"names\": [\"A\"], \"relations\": [{\"type\": \"parent_of\"}]}\n", 1, "relations[0]")]
    [InlineData("{\"id\": \"a\", \"names\": [\"A\"]}\n\n{\"id\": \"a\", \"names\": [\"B\"]}\n", 3, "id")]
    public void A_bad_line_fails_the_load_with_file_line_and_field(string jsonl, int line, string? field)
    {
        var ex = Assert.Throws<RegistryLoadException>(() => LoadText(jsonl, "people.jsonl"));
        RegistryProblem problem = Assert.Single(ex.Problems);
        Assert.Equal("people.jsonl", problem.Source);
        Assert.Equal(line, problem.Line);
        Assert.Equal(field, problem.Field);
        Assert.StartsWith($"people.jsonl:{line}:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_names_the_file_line_and_the_byte_of_the_line_and_not_the_parsers_own_line_count()
    {
        // The parser counts lines from 0 inside the one line it was given: "LineNumber: 0" next to
        // "people.jsonl:2" told the reader two different lines.
        var ex = Assert.Throws<RegistryLoadException>(() => LoadText("{\"id\": \"a\", \"names\": [\"A\"]}\n{\"id\": \"b\", \"names\": [}\n", "people.jsonl"));
        Assert.Equal("people.jsonl:2: invalid JSON: '}' is an invalid start of a value (byte 23 of the line).", Assert.Single(ex.Problems).ToString());
    }

    [Fact]
    public void Every_problem_is_reported_and_nothing_is_loaded()
    {
        var ex = Assert.Throws<RegistryLoadException>(() => LoadText("{\"id\": 1, \"names\": [\"A\"]}\n{\"id\": \"b\", \"names\": [\"B\"]}\n{\"id\": \"c\"}\n"));
        Assert.Equal([1, 3], ex.Problems.Select(p => p.Line));
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_its_line()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("{\"id\": \"a\", \"names\": [\"A\"]}\n{\"id\": \"b\", \"names\": [\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"]}\n")];
        var ex = Assert.Throws<RegistryLoadException>(() => EntityRegistry.Load(new MemoryStream(bytes), "bad.jsonl"));
        Assert.Equal(2, ex.Problems[0].Line);
        Assert.Contains("UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Updates_return_a_new_registry_and_leave_the_old_one_untouched()
    {
        EntityRegistry before = new EntityRegistryBuilder().AddPerson("p:1", "Asim Munir").Build();
        EntityRegistry after = before.WithEntity(new Entity("p:2", Entity.PersonType, [new EntityName("Ishaq Dar")]));
        EntityRegistry replaced = after.WithEntity(new Entity("p:1", Entity.PersonType, [new EntityName("Syed Asim Munir")]));
        EntityRegistry removed = replaced.WithoutEntity("p:2");

        Assert.Equal(1, before.Count);
        Assert.Equal(2, after.Count);
        Assert.Equal("Syed Asim Munir", replaced.Entities.Single(e => e.Id == "p:1").Name);
        Assert.Equal("Asim Munir", after.Entities.Single(e => e.Id == "p:1").Name);
        Assert.False(removed.TryGetEntity("p:2", out _));
        Assert.Same(removed, removed.WithoutEntity("missing"));
        Assert.Equal("p:2", new NameResolver(after).Resolve("اسحاق ڈار")[0].EntityId);
    }

    [Fact]
    public void The_builder_rejects_duplicate_ids()
    {
        var builder = new EntityRegistryBuilder().AddPerson("p:1", "A");
        Assert.Throws<ArgumentException>(() => builder.AddPerson("p:1", "B"));
        Assert.Throws<ArgumentException>(() => new Entity("p:3", Entity.PersonType, []));
    }
}
