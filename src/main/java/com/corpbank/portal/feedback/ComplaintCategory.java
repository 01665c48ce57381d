package com.corpbank.portal.feedback;

/** What a complaint 投诉 is about. */
public enum ComplaintCategory {

	/** 服务质量 the quality of service. */
	SERVICE_QUALITY,
	/** 收费 fees and charges. */
	FEES_AND_CHARGES,
	/** 产品 a product. */
	PRODUCT,
	/** 办理时效 processing took too long. */
	PROCESSING_DELAY,
	/** 员工行为 staff conduct. */
	STAFF_CONDUCT,
	/** 其他 anything else. */
	OTHER

}
