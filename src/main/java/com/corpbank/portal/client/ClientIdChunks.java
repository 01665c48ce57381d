package com.corpbank.portal.client;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The whole book's client ids, a chunk at a time in id order (ids only), for work that walks every client with memory
 * flat in the book size: the re-tiering job and model calibration.
 *
 * <p>One query per walk, read in batches of the chunk size ({@code getMore}), rather than one keyset query per chunk:
 * on MongoDB both ride the {@code _id} index, but the embedded store cannot use an index for a range, so a keyset
 * query per chunk would scan and sort the whole collection every time and make a walk over the book quadratic. A walk
 * that stops (a job that pauses or dies) starts again after its last id, which is all a checkpoint needs.
 */
@Component
public class ClientIdChunks {

	private final MongoTemplate mongoTemplate;

	ClientIdChunks(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	/**
	 * Opens a walk over the ids after {@code last} (from the first when null), ascending; close it when done.
	 * @param size ids per chunk, and the read's batch size
	 */
	public Walk after(@Nullable String last, int size) {
		var find = this.mongoTemplate.getCollection(this.mongoTemplate.getCollectionName(Client.class))
			.find((last != null) ? Filters.gt("_id", last) : new Document())
			.projection(Projections.include("_id"))
			.sort(Sorts.ascending("_id"))
			.batchSize(size);
		return new Walk(find.cursor(), size);
	}

	/** An open walk: {@link #next()} hands out the next chunk, empty past the end. */
	public static final class Walk implements AutoCloseable {

		private final MongoCursor<Document> cursor;

		private final int size;

		Walk(MongoCursor<Document> cursor, int size) {
			this.cursor = cursor;
			this.size = size;
		}

		/** Up to {@code size} ids after the previous chunk, ascending; empty past the end. */
		public List<String> next() {
			List<String> chunk = new ArrayList<>(this.size);
			while (chunk.size() < this.size && this.cursor.hasNext()) {
				chunk.add(String.valueOf(this.cursor.next().get("_id")));
			}
			return chunk;
		}

		@Override
		public void close() {
			this.cursor.close();
		}

	}

}
