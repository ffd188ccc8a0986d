package org.nslab.gateway.registry;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Validates a module's declared operation against the gateway's own GraphQL schema, as graphql-java would on execution. */
public final class SchemaOperations implements ModuleChecks.OperationValidator {

    private final Supplier<GraphQLSchema> schema;

    public SchemaOperations(Supplier<GraphQLSchema> schema) {
        this.schema = schema;
    }

    @Override
    public List<String> problems(String name, String document) {
        Document parsed;
        try {
            parsed = Parser.parse(document);
        } catch (InvalidSyntaxException e) {
            return List.of("not GraphQL: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        List<OperationDefinition> ops = parsed.getDefinitionsOfType(OperationDefinition.class);
        if (ops.size() != 1 || parsed.getDefinitions().size() != ops.size() + fragments(parsed)) {
            problems.add("the document must hold exactly one operation (fragments allowed)");
        } else if (!name.equals(ops.get(0).getName())) {
            problems.add("the document's operation is named '" + ops.get(0).getName() + "', not '" + name + "'");
        }
        for (ValidationError error : new Validator().validateDocument(schema.get(), parsed, Locale.ENGLISH)) {
            problems.add(error.getDescription());
        }
        return problems;
    }

    private static int fragments(Document parsed) {
        return parsed.getDefinitionsOfType(graphql.language.FragmentDefinition.class).size();
    }
}
