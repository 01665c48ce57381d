package com.corpbank.portal.seed;

import java.util.List;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.contact.Contact;
import com.corpbank.portal.feedback.Complaint;
import com.corpbank.portal.feedback.SurveyResult;
import com.corpbank.portal.financials.FinancialStatement;
import com.corpbank.portal.interaction.Interaction;
import com.corpbank.portal.manager.RelationshipManager;
import com.corpbank.portal.metrics.RelationshipMetrics;
import com.corpbank.portal.org.OrgUnit;
import com.corpbank.portal.tax.TaxRecord;

/**
 * One consistent set of demo documents, as {@link DemoDataGenerator} builds it; lists are unmodifiable. Surveys and
 * complaints are empty in the blocks of a {@link ScaledBook}.
 */
public record DemoData(List<OrgUnit> orgUnits, List<RelationshipManager> managers, List<Client> clients,
		List<FinancialStatement> statements, List<RelationshipMetrics> metrics, List<TaxRecord> taxRecords,
		List<Contact> contacts, List<Interaction> interactions, List<SurveyResult> surveys,
		List<Complaint> complaints) {

	public DemoData {
		orgUnits = List.copyOf(orgUnits);
		managers = List.copyOf(managers);
		clients = List.copyOf(clients);
		statements = List.copyOf(statements);
		metrics = List.copyOf(metrics);
		taxRecords = List.copyOf(taxRecords);
		contacts = List.copyOf(contacts);
		interactions = List.copyOf(interactions);
		surveys = List.copyOf(surveys);
		complaints = List.copyOf(complaints);
	}

}
