package nodus.cohort;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class DatasetRepository {

    private static final TypeReference<List<Variable>> VARIABLES = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() { };
    private static final String COLUMNS = "id, name, source, provenance, variables_json, folder, created_by, created_at";
    private final JdbcClient jdbc;

    DatasetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Dataset> findAll() {
        return jdbc.sql("select " + COLUMNS + " from dataset order by id").query(DatasetRepository::map).list();
    }

    Optional<Dataset> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from dataset where id = ?").param(id).query(DatasetRepository::map)
                .optional();
    }

    boolean existsByName(String name) {
        return jdbc.sql("select count(*) from dataset where name = ?").param(name).query(Long.class).single() > 0;
    }

    long insert(String name, String source, String provenance, String mappingJson, List<Variable> variables,
            String createdBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into dataset (name, source, provenance, mapping_json, variables_json, folder, created_by, "
                        + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(name, source, provenance, mappingJson, Json.write(variables), "", createdBy,
                        Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void setFolder(long id, String folder) {
        jdbc.sql("update dataset set folder = ? where id = ?").params(folder, id).update();
    }

    long insertCase(long datasetId, String caseKey, String patientKey, Map<String, String> values, int sourceRow) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into clinical_case (dataset_id, case_key, patient_key, values_json, source_row) "
                        + "values (?, ?, ?, ?, ?)")
                .params(datasetId, caseKey, patientKey, Json.write(values), sourceRow).update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertImage(long caseId, int position, CaseImage image) {
        jdbc.sql("insert into case_image (case_id, position, image_path, mask_path, width, height, spacing_x, "
                        + "spacing_y, mask_pixels) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(caseId, position, image.imagePath(), image.maskPath(), image.width(), image.height(),
                        image.spacingX(), image.spacingY(), image.maskPixels())
                .update();
    }

    List<ClinicalCase> cases(long datasetId) {
        Map<Long, List<CaseImage>> images = new HashMap<>();
        jdbc.sql("select i.case_id, i.image_path, i.mask_path, i.width, i.height, i.spacing_x, i.spacing_y, "
                        + "i.mask_pixels from case_image i join clinical_case c on c.id = i.case_id "
                        + "where c.dataset_id = ? order by i.case_id, i.position")
                .param(datasetId)
                .query(rs -> {
                    images.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new CaseImage(rs.getString(2),
                            rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getDouble(6), rs.getDouble(7),
                            rs.getInt(8)));
                });
        return jdbc.sql("select id, dataset_id, case_key, patient_key, values_json, source_row from clinical_case "
                        + "where dataset_id = ? order by id")
                .param(datasetId)
                .query((rs, n) -> new ClinicalCase(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        Json.read(rs.getString(5), VALUES), images.getOrDefault(rs.getLong(1), List.of()),
                        rs.getInt(6)))
                .list();
    }

    long countCases(long datasetId) {
        return jdbc.sql("select count(*) from clinical_case where dataset_id = ?").param(datasetId)
                .query(Long.class).single();
    }

    long countAll(String table) {
        if (!List.of("dataset", "clinical_case", "case_image", "cohort", "cohort_split", "split_assignment",
                "import_mapping").contains(table)) {
            throw new IllegalArgumentException("not a cohort table: " + table);
        }
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    void saveMapping(String name, String json, String createdBy) {
        jdbc.sql("delete from import_mapping where name = ?").param(name).update();
        jdbc.sql("insert into import_mapping (name, mapping_json, created_by, created_at) values (?, ?, ?, ?)")
                .params(name, json, createdBy, Timestamp.from(Instant.now())).update();
    }

    Optional<String> mapping(String name) {
        return jdbc.sql("select mapping_json from import_mapping where name = ?").param(name).query(String.class)
                .optional();
    }

    List<String> mappingNames() {
        return jdbc.sql("select name from import_mapping order by name").query(String.class).list();
    }

    private static Dataset map(ResultSet rs, int row) throws SQLException {
        return new Dataset(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Json.read(rs.getString(5), VARIABLES), rs.getString(6), rs.getString(7),
                rs.getTimestamp(8).toInstant());
    }
}
