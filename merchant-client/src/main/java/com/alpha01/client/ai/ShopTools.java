package com.alpha01.client.ai;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolMemoryId;

/** What the assistant may do for the customer; each tool only hands over to a service of the shop. */
public final class ShopTools {

    private final ShopProfile profile;
    private final OrderBook orders;
    private final FollowUps followUps;
    private final HandOffRequests handOffs;

    ShopTools(ShopProfile profile, OrderBook orders, FollowUps followUps, HandOffRequests handOffs) {
        this.profile = profile;
        this.orders = orders;
        this.followUps = followUps;
        this.handOffs = handOffs;
    }

    @Tool(name = "businessHours", value = "查询店铺的营业时间")
    public String businessHours() {
        return profile.businessHours().isEmpty() ? "店铺没有设置营业时间，请告诉顾客店员会答复。" : profile.businessHours();
    }

    @Tool(name = "orderStatus", value = "按订单号查询订单的状态")
    public String orderStatus(@P(name = "orderNumber", value = "顾客提供的订单号") String orderNumber) {
        return orders.statusText(orderNumber);
    }

    @Tool(name = "createFollowUp", value = "为店员创建一条稍后处理的跟进任务，例如退换货、开发票、回电")
    public String createFollowUp(@ToolMemoryId String conversationId,
                                 @P(name = "summary", value = "店员需要做什么，一句话") String summary) {
        followUps.create(conversationId, summary == null || summary.isBlank() ? "顾客需要跟进" : summary);
        return "已为店员创建跟进任务。";
    }

    @Tool(name = "handOffToStaff", value = "把对话转给店员：顾客要求人工、投诉，或无法可靠回答时")
    public String handOffToStaff(@ToolMemoryId String conversationId,
                                 @P(name = "reason", value = "转给店员的原因，一句话") String reason) {
        handOffs.request(conversationId, reason);
        return "已通知店员接手，请告诉顾客店员会尽快回复。";
    }
}
