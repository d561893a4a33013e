package io.github.pcqualification.adapter.rest;

import java.util.Map;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.HeaderMap;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Streaming;

/**
 * Partner Center's qualification endpoints (spec section 3), relative to a base URL that may carry a
 * path prefix. Bodies are streamed so the size limit applies before anything is buffered.
 */
interface PartnerCenterApi {

    @Streaming
    @PUT("v1/customers/{customerId}/qualification")
    Call<ResponseBody> setQualification(@Path("customerId") String customerId, @Query("code") @Nullable String code,
            @Body RequestBody body, @HeaderMap Map<String, String> headers);

    @Streaming
    @GET("v1/customers/{customerId}/qualification")
    Call<ResponseBody> getQualification(@Path("customerId") String customerId, @HeaderMap Map<String, String> headers);

    @Streaming
    @POST("v1/customers/{customerId}/qualifications")
    Call<ResponseBody> requestQualification(@Path("customerId") String customerId, @Body RequestBody body,
            @HeaderMap Map<String, String> headers);

    @Streaming
    @GET("v1/customers/{customerId}/qualifications")
    Call<ResponseBody> getQualifications(@Path("customerId") String customerId, @HeaderMap Map<String, String> headers);

    @Streaming
    @GET("v1/customers/all/validations")
    Call<ResponseBody> listValidationCodes(@HeaderMap Map<String, String> headers);

    @Streaming
    @GET("v1/customers/{customerId}/validations")
    Call<ResponseBody> listValidations(@Path("customerId") String customerId, @HeaderMap Map<String, String> headers);
}
