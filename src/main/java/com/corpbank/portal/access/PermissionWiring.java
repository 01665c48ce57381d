package com.corpbank.portal.access;

import java.util.List;
import java.util.Map;

import com.corpbank.portal.security.Caller;
import com.corpbank.portal.write.UserError;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Enforces {@link Permissions} on every field it names, before the field's own data fetcher runs (and before any
 * store access). A denied mutation answers its payload with a {@code FORBIDDEN} error; a denied query field is a
 * {@code FORBIDDEN} GraphQL error; a denied field of another type reads as null or an empty list. A Query or
 * Mutation field without a rule is denied to everyone: forgetting a rule fails closed.
 */
@Configuration(proxyBeanMethods = false)
class PermissionWiring {

	@Bean
	GraphQlSourceBuilderCustomizer permissionChecks() {
		return builder -> builder.typeVisitors(List.of(new PermissionVisitor()));
	}

	private static final class PermissionVisitor extends GraphQLTypeVisitorStub {

		@Override
		public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
				TraverserContext<GraphQLSchemaElement> context) {
			if (!(context.getParentNode() instanceof GraphQLObjectType parent)
					|| parent.getName().startsWith("__")) {
				return TraversalControl.CONTINUE;
			}
			String typeName = parent.getName();
			boolean root = typeName.equals("Query") || typeName.equals("Mutation") || typeName.equals("Subscription");
			String coordinate = typeName + "." + field.getName();
			Permissions.Rule rule = Permissions.rule(coordinate).orElse(null);
			if (rule == null && !root) {
				return TraversalControl.CONTINUE;
			}
			GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
			FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
			DataFetcher<?> delegate = registry.getDataFetcher(coordinates, field);
			registry.dataFetcher(coordinates, guarded(coordinate, rule, field, delegate, typeName));
			return TraversalControl.CONTINUE;
		}

		private static DataFetcher<?> guarded(String coordinate, Permissions.@Nullable Rule rule,
				GraphQLFieldDefinition field, DataFetcher<?> delegate, String typeName) {
			return environment -> {
				if (rule != null && rule.allows(currentCaller().roles())) {
					return delegate.get(environment);
				}
				return denied(coordinate, field, typeName);
			};
		}

		private static @Nullable Object denied(String coordinate, GraphQLFieldDefinition field, String typeName) {
			GraphQLType type = field.getType();
			if (typeName.equals("Mutation")) {
				GraphQLType payload = GraphQLTypeUtil.unwrapNonNull(type);
				if (payload instanceof GraphQLFieldsContainer container && container.getFieldDefinition("errors") != null) {
					return Map.of("errors", List.of(UserError.forbidden(List.of(),
							"Your roles do not allow " + field.getName() + ".")));
				}
				throw new OperationForbiddenException(coordinate);
			}
			if (typeName.equals("Query") || typeName.equals("Subscription")) {
				throw new OperationForbiddenException(coordinate);
			}
			if (GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList) {
				return List.of();
			}
			if (type instanceof GraphQLNonNull) {
				throw new OperationForbiddenException(coordinate);
			}
			return null;
		}

		private static Caller currentCaller() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
				return caller;
			}
			throw new OperationForbiddenException("no caller");
		}

	}

}
