package com.corpbank.portal.retiering;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.MongoClientException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.MongoJobRepositoryFactoryBean;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.data.mongodb.MongoTransactionManager;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSuspensionNotSupportedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The spike behind the choice of engine for batch re-tiering: Spring Batch 6's MongoDB job repository, configured as
 * its reference documentation says ({@code MongoJobRepositoryFactoryBean} with a {@code MongoTransactionManager}, the
 * {@code BATCH_*} collections and sequences of {@code schema-mongodb.jsonl}, a converter with a map-key dot
 * replacement), against the embedded store the tests and local runs use. It cannot: the store has no sessions, so no
 * transactions, and Batch 6.0's MongoDB repository needs them. These tests pin exactly how it fails, so that a newer
 * Batch or store that lifts the limit shows up here first.
 */
class SpringBatchOnEmbeddedStoreTests {

	private MongoServer server;

	private MongoClient client;

	private MongoTemplate template;

	@BeforeEach
	void startStore() {
		MemoryBackend backend = new MemoryBackend();
		backend.version(ServerVersion.MONGO_5_0);
		this.server = new MongoServer(backend);
		this.server.bind("127.0.0.1", 0);
		this.client = MongoClients.create("mongodb://127.0.0.1:" + this.server.getLocalAddress().getPort());
		SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(this.client, "batch");
		this.template = new MongoTemplate(factory);
		// The documented requirement: execution context keys such as "batch.version" contain dots.
		((MappingMongoConverter) this.template.getConverter()).setMapKeyDotReplacement(".");
		// schema-mongodb.jsonl: the collections and the three sequences.
		for (String collection : List.of("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION", "BATCH_STEP_EXECUTION",
				"BATCH_SEQUENCES")) {
			this.template.createCollection(collection);
		}
		for (String sequence : List.of("BATCH_JOB_INSTANCE_SEQ", "BATCH_JOB_EXECUTION_SEQ",
				"BATCH_STEP_EXECUTION_SEQ")) {
			this.template.getCollection("BATCH_SEQUENCES").insertOne(new Document("_id", sequence).append("count", 0L));
		}
	}

	@AfterEach
	void stopStore() {
		this.client.close();
		this.server.shutdownNow();
	}

	/**
	 * The documented setup fails before the first chunk: the sequence incrementer that numbers the job instance runs
	 * in a transaction, which needs a client session, and the embedded store offers none.
	 */
	@Test
	void theDocumentedSetupCannotStartAJobBecauseTheStoreHasNoSessions() throws Exception {
		MongoTransactionManager transactions = new MongoTransactionManager(this.template.getMongoDatabaseFactory());
		List<Integer> written = new ArrayList<>();
		JobRepository repository = repository(transactions);
		TaskExecutorJobOperator operator = operator(repository);
		Job job = job(repository, transactions, written);

		assertThatThrownBy(() -> operator.start(job, new JobParametersBuilder().addString("run", "1").toJobParameters()))
			.isInstanceOf(UncategorizedMongoDbException.class)
			.rootCause()
			.isInstanceOf(MongoClientException.class)
			.hasMessage("Attempting to use a ClientSession while connected to a server that doesn't support sessions");
		assertThat(written).isEmpty();
		assertThat(this.template.getCollection("BATCH_JOB_EXECUTION").countDocuments()).isZero();
	}

	/**
	 * Nor does Spring Batch 6.0 run its MongoDB repository without transactions: the incrementer asks for a new
	 * transaction inside the running one, and the non-transactional manager Batch ships cannot suspend. (Batch 6.1
	 * lists "Allow to use Mongo JobRepository with any PlatformTransactionManager" as new.) A home-made manager that
	 * pretends to suspend would silence the repository's own guard against two launches of one job, which is the
	 * guarantee the job needs most; so the job keeps its state in the store itself (see {@link RetieringJobs}).
	 */
	@Test
	void withoutTransactionsTheRepositoryCannotStartAJobEither() throws Exception {
		PlatformTransactionManager transactions = new ResourcelessTransactionManager();
		List<Integer> written = new ArrayList<>();
		JobRepository repository = repository(transactions);
		TaskExecutorJobOperator operator = operator(repository);
		Job job = job(repository, transactions, written);

		assertThatThrownBy(() -> operator.start(job, new JobParametersBuilder().addString("run", "1").toJobParameters()))
			.isInstanceOf(TransactionSuspensionNotSupportedException.class);
		assertThat(written).isEmpty();
	}

	private JobRepository repository(PlatformTransactionManager transactions) throws Exception {
		MongoJobRepositoryFactoryBean factory = new MongoJobRepositoryFactoryBean();
		factory.setMongoOperations(this.template);
		factory.setTransactionManager(transactions);
		factory.afterPropertiesSet();
		return factory.getObject();
	}

	private static TaskExecutorJobOperator operator(JobRepository repository) throws Exception {
		TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
		operator.setJobRepository(repository);
		operator.setJobRegistry(new MapJobRegistry());
		operator.afterPropertiesSet();
		return operator;
	}

	private static Job job(JobRepository repository, PlatformTransactionManager transactions, List<Integer> written) {
		Step step = new StepBuilder("chunks", repository).<Integer, Integer>chunk(2)
			.transactionManager(transactions)
			.reader(new ListItemReader<>(IntStream.rangeClosed(1, 5).boxed().toList()))
			.writer(chunk -> written.addAll(chunk.getItems()))
			.build();
		return new JobBuilder("spike", repository).start(step).build();
	}

}
