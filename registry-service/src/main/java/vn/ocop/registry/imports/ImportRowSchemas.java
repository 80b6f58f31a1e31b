package vn.ocop.registry.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The row schemas of startImport (ImportProducerRow, ImportProductRow, ImportRow), made from the ProducerRequest and
 * ProductRequest schemas the way {@link ImportRows} reads a row into those requests, so that the document cannot drift
 * from the import: a field added to a request is a column of its row here too.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ImportRowSchemas implements OASFilter {
    static final String ROW = "ImportRow";
    private static final String PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                || !openAPI.getComponents().getSchemas().containsKey("ProducerRequest")) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Map<String, Schema> producerKeys = new LinkedHashMap<>();
        producerKeys.put("type", kind("producer"));
        producerKeys.put("externalRef", externalRef());
        openAPI.getComponents().addSchema("ImportProducerRow", row("A producer row: type, externalRef and the fields of "
                + "ProducerRequest.", producerKeys, schemas.get("ProducerRequest"), List.of()));

        Map<String, Schema> productKeys = new LinkedHashMap<>();
        productKeys.put("type", kind("product"));
        productKeys.put("externalRef", externalRef());
        productKeys.put("producerRef", text("The externalRef of the product's producer, imported in this file (an earlier row) "
                + "or an earlier one; or give producerId instead").maxLength(100));
        Schema product = row("A product row: type, externalRef, producerRef (or producerId) and the fields of ProductRequest.",
                productKeys, schemas.get("ProductRequest"), List.of("producerId"));
        product.addProperty("producerId", text("The producer's id, for a producer registered through the API rather than "
                + "imported; give this or producerRef").format("uuid"));
        openAPI.getComponents().addSchema("ImportProductRow", product);

        openAPI.getComponents().addSchema(ROW, OASFactory.createSchema()
                .description("One row of an import: a producer or a product, told apart by type")
                .oneOf(List.of(ref("ImportProducerRow"), ref("ImportProductRow")))
                .discriminator(OASFactory.createDiscriminator().propertyName("type")
                        .addMapping("producer", PREFIX + "ImportProducerRow").addMapping("product", PREFIX + "ImportProductRow")));
        arrayBody(openAPI);
    }

    /** startImport's JSON form: an array of rows. */
    private static void arrayBody(OpenAPI openAPI) {
        PathItem path = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/api/v1/imports");
        Operation post = path == null ? null : path.getPOST();
        MediaType json = post == null || post.getRequestBody() == null ? null
                : post.getRequestBody().getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        if (json != null) {
            json.setSchema(OASFactory.createSchema().type(List.of(SchemaType.ARRAY)).items(ref(ROW))
                    .minItems(1).maxItems(ImportService.MAX_ROWS));
        }
    }

    /** The keys first, then the request's fields; required: the keys and the request's own, less {@code optional}. */
    private static Schema row(String description, Map<String, Schema> keys, Schema request, List<String> optional) {
        Schema row = OASFactory.createSchema().type(List.of(SchemaType.OBJECT)).description(description);
        List<String> required = new ArrayList<>(List.of("type", "externalRef"));
        keys.forEach(row::addProperty);
        request.getProperties().forEach(row::addProperty);
        if (request.getRequired() != null) {
            request.getRequired().stream().filter(name -> !optional.contains(name)).forEach(required::add);
        }
        return row.required(required);
    }

    private static Schema kind(String value) {
        return OASFactory.createSchema().type(List.of(SchemaType.STRING)).enumeration(List.of(value));
    }

    private static Schema externalRef() {
        return text("Your own key for the record: a later import with the same externalRef updates it").maxLength(100);
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(SchemaType.STRING)).description(description);
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(PREFIX + name);
    }
}
