package org.nslab.gateway.schema;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.language.AstPrinter;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nslab.testing.TestServersResource;

/**
 * The public schema only grows: every type, field, argument, input field and enum value of the recorded schema
 * ({@code src/test/resources/schema/public-schema.graphql}, printed by the gateway at {@code /graphql/schema.graphql})
 * is still there with the same type, and nothing new is required of a caller (no new non-null argument or input field
 * without a default). The schema printed now is written to {@code target/public-schema.graphql} to diff by hand.
 */
@QuarkusTest
@WithTestResource(TestServersResource.class)
class PublicSchemaTests {

    @Test
    void theSchemaOnlyGrowsFromTheRecordedOne() throws IOException {
        String now = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        Files.writeString(Path.of("target", "public-schema.graphql"), now, StandardCharsets.UTF_8);
        String recorded;
        try (InputStream in = PublicSchemaTests.class.getResourceAsStream("/schema/public-schema.graphql")) {
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(List.of(), breakingChanges(recorded, now));
    }

    /** What a client of {@code before} would notice in {@code after}, one line each; empty when only additions. */
    static List<String> breakingChanges(String before, String after) {
        TypeDefinitionRegistry old = new SchemaParser().parse(before);
        TypeDefinitionRegistry now = new SchemaParser().parse(after);
        List<String> problems = new ArrayList<>();
        for (TypeDefinition<?> type : old.types().values()) {
            TypeDefinition<?> current = now.types().get(type.getName());
            if (current == null) {
                problems.add("type " + type.getName() + " removed");
            } else if (!current.getClass().equals(type.getClass())) {
                problems.add("type " + type.getName() + " changed kind");
            } else if (type instanceof ObjectTypeDefinition o) {
                fields(type.getName(), o.getFieldDefinitions(), ((ObjectTypeDefinition) current).getFieldDefinitions(), problems);
            } else if (type instanceof InterfaceTypeDefinition i) {
                fields(type.getName(), i.getFieldDefinitions(), ((InterfaceTypeDefinition) current).getFieldDefinitions(), problems);
            } else if (type instanceof InputObjectTypeDefinition i) {
                inputs(type.getName(), i.getInputValueDefinitions(), ((InputObjectTypeDefinition) current).getInputValueDefinitions(), problems);
            } else if (type instanceof EnumTypeDefinition e) {
                List<String> values = ((EnumTypeDefinition) current).getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList();
                e.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).filter(v -> !values.contains(v))
                        .forEach(v -> problems.add("enum value " + type.getName() + "." + v + " removed"));
            } else if (type instanceof UnionTypeDefinition u) {
                List<String> members = ((UnionTypeDefinition) current).getMemberTypes().stream().map(AstPrinter::printAst).toList();
                u.getMemberTypes().stream().map(AstPrinter::printAst).filter(m -> !members.contains(m))
                        .forEach(m -> problems.add("union member " + type.getName() + "." + m + " removed"));
            }
        }
        // the operations: Query, Mutation and Subscription are object types, compared like any other (schema extensions
        // are not used by SmallRye)
        return problems;
    }

    private static void fields(String type, List<FieldDefinition> old, List<FieldDefinition> now, List<String> problems) {
        Map<String, FieldDefinition> current = now.stream().collect(Collectors.toMap(FieldDefinition::getName, Function.identity()));
        for (FieldDefinition field : old) {
            FieldDefinition same = current.get(field.getName());
            String name = type + "." + field.getName();
            if (same == null) {
                problems.add("field " + name + " removed");
                continue;
            }
            if (!AstPrinter.printAst(field.getType()).equals(AstPrinter.printAst(same.getType()))) {
                problems.add("field " + name + " changed type " + AstPrinter.printAst(field.getType()) + " -> " + AstPrinter.printAst(same.getType()));
            }
            inputs(name, field.getInputValueDefinitions(), same.getInputValueDefinitions(), problems);
        }
    }

    private static void inputs(String owner, List<InputValueDefinition> old, List<InputValueDefinition> now, List<String> problems) {
        Map<String, InputValueDefinition> before = old.stream().collect(Collectors.toMap(InputValueDefinition::getName, Function.identity()));
        for (InputValueDefinition value : old) {
            InputValueDefinition same = now.stream().filter(v -> v.getName().equals(value.getName())).findFirst().orElse(null);
            if (same == null) {
                problems.add("argument or input field " + owner + "." + value.getName() + " removed");
            } else if (!AstPrinter.printAst(value.getType()).equals(AstPrinter.printAst(same.getType()))) {
                problems.add("argument or input field " + owner + "." + value.getName() + " changed type "
                        + AstPrinter.printAst(value.getType()) + " -> " + AstPrinter.printAst(same.getType()));
            }
        }
        for (InputValueDefinition value : now) {
            if (!before.containsKey(value.getName()) && value.getType() instanceof NonNullType && value.getDefaultValue() == null) {
                problems.add("argument or input field " + owner + "." + value.getName() + " added as required");
            }
        }
    }
}
